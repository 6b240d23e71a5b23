namespace Stowage.Storage.FileSystem;

/// <summary>Options of <see cref="FileSystemBlobStore"/>.</summary>
public sealed class FileSystemBlobStoreOptions
{
    /// <summary>
    /// Default age after which a leftover temporary file (a <c>PutAsync</c> interrupted by a crash) is
    /// deleted when the store starts: far longer than any single put takes, so a put still running in
    /// another process sharing the root is never touched.
    /// </summary>
    public static readonly TimeSpan DefaultStaleTemporaryFileAge = TimeSpan.FromDays(1);

    /// <summary>The directory that holds every bucket. Created when missing.</summary>
    public string RootPath { get; set; } = "";

    /// <summary>
    /// Start disk write-back while data streams in (Linux sync_file_range), so a durable flush at the
    /// end waits only for the last stretch. Worth it only when durable flushes follow: without them it
    /// turns page-cache writes into disk-bound ones. The host sets it from Stowage:Durability:Fsync.
    /// </summary>
    public bool EarlyWriteBack { get; set; } = true;

    /// <summary>Temporary files older than this are deleted when the store starts.</summary>
    public TimeSpan StaleTemporaryFileAge { get; set; } = DefaultStaleTemporaryFileAge;
}
