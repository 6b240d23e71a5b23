using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

public sealed partial class FileSystemBlobStore
{
    public Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        cancellationToken.ThrowIfCancellationRequested();

        var path = _layout.PathOf(obj);
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
            return Task.FromResult<Stream?>(null);
        }

        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream?>(stream);
    }

    public Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(_layout.PathOf(obj));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }
}
