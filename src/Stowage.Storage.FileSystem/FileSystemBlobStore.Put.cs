using System.Buffers;
using System.IO.Pipelines;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

public sealed partial class FileSystemBlobStore
{
    // Matches the upload path's pooled buffers (docs/ARCHITECTURE.md, "Durability"), and the write-back interval.
    private const int PutBufferBytes = 1 << 20;

    public Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return PutFromAsync(obj, (writer, token) => CopyAsync(content, writer, token), durable, cancellationToken);
    }

    public Task PutAsync(ObjectRef obj, PipeReader content, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return PutFromAsync(obj, (writer, token) => CopyAsync(content, writer, token), durable, cancellationToken);
    }

    private async Task PutFromAsync(ObjectRef obj, Fill fill, bool durable, CancellationToken cancellationToken)
    {
        var path = _layout.PathOf(obj);
        var temporary = _layout.NewTemporaryPath();
        string? displaced;
        try
        {
            await WriteTemporaryAsync(temporary, fill, durable, cancellationToken);

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

    /// <summary>Writes a body into a new temporary file through the writer it is given.</summary>
    private delegate Task Fill(FileSystemBlobWriter writer, CancellationToken cancellationToken);

    private async Task WriteTemporaryAsync(string temporary, Fill fill, bool durable, CancellationToken cancellationToken)
    {
        var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, Sharing);

        // The temporary file's own directory entry never needs to be durable: only the renamed one does.
        await using var writer = new FileSystemBlobWriter(handle, temporary, offset: 0, newEntry: null, _earlyWriteBack && durable);
        await fill(writer, cancellationToken);
        await writer.FlushAsync(durable, cancellationToken);
    }

    private static async Task CopyAsync(Stream content, FileSystemBlobWriter writer, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Writes whatever each read holds as it is (one vectored write), then releases it, to the end.</summary>
    private static async Task CopyAsync(PipeReader content, FileSystemBlobWriter writer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await content.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            try
            {
                if (!buffer.IsEmpty)
                {
                    await writer.WriteAsync(buffer, cancellationToken);
                }
            }
            finally
            {
                content.AdvanceTo(buffer.End);
            }

            if (read.IsCompleted)
            {
                return;
            }

            if (read.IsCanceled)
            {
                throw new OperationCanceledException("The body's reader was cancelled before its end.");
            }
        }
    }
}
