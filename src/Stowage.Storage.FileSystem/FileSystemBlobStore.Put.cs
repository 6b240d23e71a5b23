using System.Buffers;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

public sealed partial class FileSystemBlobStore
{
    // Matches the upload path's pooled buffers (docs/ARCHITECTURE.md, "Durability"), and the write-back interval.
    private const int PutBufferBytes = 1 << 20;

    public async Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = _layout.PathOf(obj);
        var temporary = _layout.NewTemporaryPath();
        string? displaced;
        try
        {
            await WriteTemporaryAsync(temporary, content, durable, cancellationToken);

            // Replaces the target atomically, file or composite: readers see the old object or the new one.
            displaced = Install(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        if (displaced is not null)
        {
            DeleteEntry(displaced);
        }

        if (durable)
        {
            await Task.Run(() => _directories.SyncEntryOf(path), CancellationToken.None);
        }
    }

    private async Task WriteTemporaryAsync(string temporary, Stream content, bool durable, CancellationToken cancellationToken)
    {
        var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, Sharing);

        // The temporary file's own directory entry never needs to be durable: only the renamed one does.
        await using var writer = new FileSystemBlobWriter(handle, offset: 0, _earlyWriteBack && durable);
        var buffer = ArrayPool<byte>.Shared.Rent(PutBufferBytes);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, PutBufferBytes), cancellationToken)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await writer.CommitAsync(durable, cancellationToken);
    }
}
