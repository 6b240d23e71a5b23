using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// The embedded default blob store: one file per object under a root directory (layout in
/// <see cref="BlobLayout"/>). Writes are positional and unbuffered, durable flushes are fdatasync plus
/// the directory fsyncs a new entry needs, and whole-object writes are a temporary file renamed into place.
/// <para>
/// Segments (a Sessions API file arriving chunk by chunk) are kept as one file under <c>.segments</c>, each
/// segment appended where the last one ended (a segment opened lower first cuts the file back to its offset), so
/// a chunk costs one positional write and one fdatasync as it would in place; composing renames that file to the
/// object's path. Details: docs/ARCHITECTURE.md, "Segments on the file system".
/// </para>
/// <para>
/// Multipart uploads (<see cref="IBlobComposer"/>, Linux only) compose without copying a byte, so completing
/// 1,000 parts costs the same whatever their size. Each part is written like a put, into its upload's
/// directory under <c>.multipart</c>. Composing hard-links the listed part files into a new directory under
/// <c>.tmp</c>, adds a <c>manifest</c> (<see cref="CompositeManifest"/>: part files and lengths), and installs
/// that directory at the object's path in one rename(2), or one renameat2 RENAME_EXCHANGE when an object is
/// already there (the old one comes out under <c>.tmp</c> and is deleted), then drops the upload's directory.
/// Repeating a compose that completed (same upload, same parts) is a no-op, so a caller that failed to record
/// the completion can retry it.
/// </para>
/// <para>
/// So the object path holds either a plain file or a composite directory, and at every instant the old object
/// or the new one, crash included: anything half-built is under <c>.tmp</c>, swept at start-up (parts stay
/// under <c>.multipart</c> until their composite is installed). Every operation understands both kinds:
/// reads concatenate the parts (<see cref="CompositeReadStream"/>), lengths come from the manifest, puts and
/// composes exchange, deletes rename into <c>.tmp</c> before removing. The one copy is flattening: a caller that
/// needs a file (<see cref="GetLocalPath"/>, tools and tests) gets the composite concatenated into a plain file
/// first, which then replaces it atomically. A reader racing a replacement or deletion of a composite may fail
/// with an IOException; it never reads another object's bytes.
/// Details and measurements: docs/ARCHITECTURE.md, "Multipart objects on the file system".
/// </para>
/// </summary>
public sealed partial class FileSystemBlobStore : IBlobStore, IBlobComposer
{
    // Delete is included so a file can be renamed or deleted while it is open, as on Linux.
    private const FileShare Sharing = FileShare.ReadWrite | FileShare.Delete;

    // Opening races a concurrent create or delete of the same object; a few rounds settle it.
    private const int MaxOpenAttempts = 4;

    private readonly BlobLayout _layout;
    private readonly DurableDirectories _directories;
    private readonly bool _earlyWriteBack;

    public FileSystemBlobStore(FileSystemBlobStoreOptions options)
        : this(options, TimeProvider.System)
    {
    }

    public FileSystemBlobStore(FileSystemBlobStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StaleTemporaryFileAge, TimeSpan.Zero);
        _layout = new BlobLayout(options.RootPath);
        _earlyWriteBack = options.EarlyWriteBack;
        _directories = new DurableDirectories(_layout.Root);
        Directory.CreateDirectory(_layout.TemporaryDirectory);
        TemporaryFiles.DeleteStale(_layout.TemporaryDirectory, timeProvider.GetUtcNow() - options.StaleTemporaryFileAge);
    }

    /// <summary>
    /// The object's file, for tools and tests that look at the store from outside (the core reads through
    /// streams only). A composite has none: it is flattened into a plain file first (a copy of its bytes; once,
    /// as the plain file stays).
    /// </summary>
    public string? GetLocalPath(ObjectRef obj)
    {
        var path = _layout.PathOf(obj);
        Flatten(path);
        return File.Exists(path) ? path : null;
    }

    public Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = _layout.PathOf(obj);
        if (!OperatingSystem.IsLinux())
        {
            // Missing by now (a concurrent delete) is not an error: File.Delete ignores it.
            var exists = File.Exists(path);
            File.Delete(path);
            return Task.FromResult(exists);
        }

        string? displaced = null;
        lock (_locks.For(path))
        {
            // unlink(2) for a plain file; a composite (EISDIR) leaves the namespace in one rename first.
            var errno = NativePaths.Unlink(path);
            if (errno == LibC.EISDIR)
            {
                displaced = DisplaceLocked(path);
                errno = displaced is null ? LibC.ENOENT : 0;
            }

            if (errno is LibC.ENOENT)
            {
                return Task.FromResult(false);
            }

            if (errno != 0)
            {
                throw NativePaths.Failure("unlink", path, errno);
            }
        }

        if (displaced is not null)
        {
            DeleteEntry(displaced);
        }

        return Task.FromResult(true);
    }
}
