using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

public sealed partial class FileSystemBlobStore
{
    /// <summary>
    /// A plain object opens as its file. A composite opens as a <see cref="CompositeReadStream"/> over its parts;
    /// a reader racing a replacement or deletion of the composite may fail with an IOException (never with
    /// bytes of another object), where a plain file's reader would keep reading the old file.
    /// </summary>
    public Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        cancellationToken.ThrowIfCancellationRequested();

        var path = _layout.PathOf(obj);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var composite = CompositeObject.TryOpen(path, out var isFile);
                if (composite is not null)
                {
                    return Task.FromResult<Stream?>(new CompositeReadStream(composite, offset));
                }

                return Task.FromResult<Stream?>(isFile ? OpenFile(path, offset) : null);
            }
            catch (Exception e) when (attempt < MaxOpenAttempts && e is FileNotFoundException or UnauthorizedAccessException)
            {
                // The path changed kind or vanished between two calls (a concurrent replace or delete): look again.
            }
        }
    }

    public Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LengthAt(_layout.PathOf(obj)));
    }

    /// <summary>The length of the object at an object path, plain file or composite; null when there is none.</summary>
    private static long? LengthAt(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var composite = CompositeObject.TryOpen(path, out var isFile);
                if (composite is not null)
                {
                    return composite.Manifest.Length;
                }

                var file = new FileInfo(path);
                if (!isFile || file.Exists || attempt == MaxOpenAttempts)
                {
                    return file.Exists ? file.Length : null;
                }
            }
            catch (FileNotFoundException) when (attempt < MaxOpenAttempts)
            {
                // Replaced between opening the composite's directory and its manifest: look again.
            }
        }
    }

    private static FileStream? OpenFile(string path, long offset)
    {
        FileStream stream;
        try
        {
            // No FileStream buffer: callers copy in large blocks, and a buffer would only add a copy.
            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = Sharing,
                BufferSize = 0,
                Options = FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        stream.Seek(offset, SeekOrigin.Begin);
        return stream;
    }
}
