using System.Buffers;
using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

/// <summary>
/// Streams a request body into a blob writer through two pooled buffers, so reading the next buffer
/// from the network overlaps writing the previous one to disk. Nothing holds a whole body in memory.
/// </summary>
internal static class ChunkCopier
{
    /// <summary>1 MiB: large writes keep per-call costs negligible; two per upload keeps 8 parallel uploads far below the RSS budget.</summary>
    public const int BufferSize = 1 << 20;

    public static async Task<CopyResult> CopyAsync(Stream source, IBlobWriter writer, long length, bool lengthIsFramed, CancellationToken requestAborted)
    {
        var current = ArrayPool<byte>.Shared.Rent(BufferSize);
        var spare = ArrayPool<byte>.Shared.Rent(BufferSize);
        Task? pending = null;
        var pendingLength = 0;
        long handedOver = 0;
        long written = 0;
        var end = CopyEnd.Complete;
        try
        {
            while (handedOver < length)
            {
                var want = (int)Math.Min(BufferSize, length - handedOver);
                int read;
                try
                {
                    read = await source.ReadAtLeastAsync(current.AsMemory(0, want), want, throwOnEndOfStream: false, requestAborted).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException)
                {
                    end = CopyEnd.SourceFailed; // the client went away or broke the framing
                    break;
                }

                if (pending is not null)
                {
                    await pending.ConfigureAwait(false);
                    written += pendingLength;
                }

                if (read > 0)
                {
                    pending = writer.WriteAsync(current.AsMemory(0, read), CancellationToken.None).AsTask();
                    pendingLength = read;
                    handedOver += read;
                    (current, spare) = (spare, current);
                }
                else
                {
                    pending = null;
                }

                if (read < want)
                {
                    end = lengthIsFramed ? CopyEnd.SourceFailed : CopyEnd.ShortBody;
                    break;
                }
            }

            if (pending is not null)
            {
                await pending.ConfigureAwait(false);
                written += pendingLength;
            }

            if (end == CopyEnd.Complete && !lengthIsFramed && await HasMoreAsync(source, current, requestAborted).ConfigureAwait(false))
            {
                end = CopyEnd.LongBody;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(spare);
        }

        return new CopyResult(written, end);
    }

    /// <summary>A chunked-encoding body must end where Content-Range says; one more byte means it does not.</summary>
    private static async Task<bool> HasMoreAsync(Stream source, byte[] scratch, CancellationToken requestAborted)
    {
        try
        {
            return await source.ReadAsync(scratch.AsMemory(0, 1), requestAborted).ConfigureAwait(false) > 0;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            return false; // every byte we needed arrived; what follows is not ours to judge
        }
    }
}
