using System.Buffers;
using System.IO.Pipelines;
using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

/// <summary>
/// Streams a request body into a segment writer straight from the transport's own buffers: whatever
/// the reader holds is handed to the writer as it is (one vectored write), then released, so the
/// server keeps receiving into fresh buffers while this one goes to disk. No byte is copied in user
/// space and nothing holds more than the transport buffers (about 1 MiB per request).
/// <para>
/// The body's first <c>skip</c> bytes are read and dropped: they overlap bytes the file already holds, which
/// are never rewritten (docs/protocols/sessions.md, "Uploading"). When the body ends early, what arrived is in
/// the writer and the result says how it ended, so the caller can keep it as a segment.
/// </para>
/// </summary>
internal static class ChunkCopier
{
    public static async Task<CopyResult> CopyAsync(PipeReader source, IBlobSegmentWriter writer, long length, long skip, bool lengthIsFramed, CancellationToken requestAborted)
    {
        long read = 0;
        while (read < length)
        {
            ReadResult result;
            try
            {
                result = await source.ReadAsync(requestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // The client went away or broke the framing: keep what arrived (it is written already).
                return Ended(read, skip, CopyEnd.SourceFailed);
            }

            var buffer = result.Buffer;
            var mine = buffer.Length > length - read ? buffer.Slice(0, length - read) : buffer;
            try
            {
                var kept = read >= skip ? mine : mine.Slice(Math.Min(mine.Length, skip - read));
                if (!kept.IsEmpty)
                {
                    // Never cancelled: a write the client's departure cut in half would leave a hole.
                    await writer.WriteAsync(kept, CancellationToken.None).ConfigureAwait(false);
                }

                read += mine.Length;
            }
            finally
            {
                // The buffers go back to the transport only once the write no longer reads them.
                source.AdvanceTo(mine.End);
            }

            if (read < length && (result.IsCompleted || result.IsCanceled))
            {
                return Ended(read, skip, lengthIsFramed || result.IsCanceled ? CopyEnd.SourceFailed : CopyEnd.ShortBody);
            }
        }

        if (!lengthIsFramed && await HasMoreAsync(source, requestAborted).ConfigureAwait(false))
        {
            return Ended(read, skip, CopyEnd.LongBody);
        }

        return Ended(read, skip, CopyEnd.Complete);
    }

    private static CopyResult Ended(long read, long skip, CopyEnd end) => new(read, Math.Max(0, read - skip), end);

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
