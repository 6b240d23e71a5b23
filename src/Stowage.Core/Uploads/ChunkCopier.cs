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
                var (read, failed) = await FillAsync(source, current.AsMemory(0, want), requestAborted).ConfigureAwait(false);
                if (failed)
                {
                    end = CopyEnd.SourceFailed; // the client went away or broke the framing: keep what arrived
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

                if (failed)
                {
                    break;
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
            // Never hand a buffer back to the pool while a write may still be reading from it.
            if (pending is { IsCompleted: false })
            {
                await pending.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(spare);
        }

        return new CopyResult(written, end);
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> from the body. On a read failure it still reports the bytes
    /// that arrived before it, so they are written and counted rather than dropped with the buffer.
    /// </summary>
    private static async Task<(int Read, bool Failed)> FillAsync(Stream source, Memory<byte> buffer, CancellationToken requestAborted)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            int read;
            try
            {
                read = await source.ReadAsync(buffer[filled..], requestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                return (filled, true);
            }

            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return (filled, false);
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
