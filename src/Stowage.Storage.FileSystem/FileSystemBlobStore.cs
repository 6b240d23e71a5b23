using Microsoft.Win32.SafeHandles;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// The embedded default blob store: one file per object under a root directory (layout in
/// <see cref="BlobLayout"/>). Writes are positional and unbuffered, durable flushes are fdatasync plus
/// the directory fsyncs a new entry needs, and whole-object writes are a temporary file renamed into place.
/// </summary>
public sealed partial class FileSystemBlobStore : IBlobStore, ILocalBlobAccess
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

    public ValueTask<IBlobWriter> OpenWriterAsync(ObjectRef obj, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        cancellationToken.ThrowIfCancellationRequested();

        var path = _layout.PathOf(obj);
        var (handle, created) = OpenOrCreate(path);
        return ValueTask.FromResult<IBlobWriter>(new FileSystemBlobWriter(handle, path, offset, created ? _directories : null, _earlyWriteBack));
    }

    public string? GetLocalPath(ObjectRef obj)
    {
        var path = _layout.PathOf(obj);
        return File.Exists(path) ? path : null;
    }

    public Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = _layout.PathOf(obj);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        // Missing by now (a concurrent delete) is not an error: File.Delete ignores it.
        File.Delete(path);
        return Task.FromResult(true);
    }

    private static (SafeFileHandle Handle, bool Created) OpenOrCreate(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (File.OpenHandle(path, FileMode.Open, FileAccess.Write, Sharing), false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Not there yet: create it below.
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                return (File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, Sharing), true);
            }
            catch (IOException) when (attempt < MaxOpenAttempts && File.Exists(path))
            {
                // Another writer created it between our two opens: open theirs.
            }
        }
    }
}
