using System.Buffers;
using System.IO.Pipelines;
using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

/// <summary>
/// Streams a request body into a blob writer straight from the transport's own buffers: whatever
/// the reader holds is handed to the writer as it is (one vectored write), then released, so the
/// server keeps receiving into fresh buffers while this one goes to disk. No byte is copied in user
/// space and nothing holds more than the transport buffers (about 1 MiB per request).
/// </summary>
internal static class ChunkCopier
{
    public static async Task<CopyResult> CopyAsync(PipeReader source, IBlobWriter writer, long length, bool lengthIsFramed, CancellationToken requestAborted)
    {
        long written = 0;
        while (written < length)
        {
            ReadResult read;
            try
            {
                read = await source.ReadAsync(requestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // The client went away or broke the framing: keep what arrived (it is written already).
                return new CopyResult(written, CopyEnd.SourceFailed);
            }

            var buffer = read.Buffer;
            var mine = buffer.Length > length - written ? buffer.Slice(0, length - written) : buffer;
            try
            {
                if (!mine.IsEmpty)
                {
                    // Never cancelled: a write the client's departure cut in half would leave a hole.
                    await writer.WriteAsync(mine, CancellationToken.None).ConfigureAwait(false);
                    written += mine.Length;
                }
            }
            finally
            {
                // The buffers go back to the transport only once the write no longer reads them.
                source.AdvanceTo(mine.End);
            }

            if (written < length && (read.IsCompleted || read.IsCanceled))
            {
                return new CopyResult(written, lengthIsFramed || read.IsCanceled ? CopyEnd.SourceFailed : CopyEnd.ShortBody);
            }
        }

        if (!lengthIsFramed && await HasMoreAsync(source, requestAborted).ConfigureAwait(false))
        {
            return new CopyResult(written, CopyEnd.LongBody);
        }

        return new CopyResult(written, CopyEnd.Complete);
    }

    /// <summary>A chunked-encoding body must end where Content-Range says; one more byte means it does not.</summary>
    private static async Task<bool> HasMoreAsync(PipeReader source, CancellationToken requestAborted)
    {
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(requestAborted).ConfigureAwait(false);
                var more = !read.Buffer.IsEmpty;
                source.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                if (more || read.IsCompleted || read.IsCanceled)
                {
                    return more;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            return false; // every byte we needed arrived; what follows is not ours to judge
        }
    }
}
