using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>
    /// Copies the body into the object, flushes (fsync when durable), and only then raises
    /// <c>received</c>. Bytes that arrived before the client went away are kept and counted: on a bad
    /// network the next attempt resumes from them instead of sending them again.
    /// </summary>
    private async Task<Result<FileProgress>> CopyAndAdvanceAsync(UploadSessionRecord session, UploadFileRecord file, ChunkRange range, UploadBody body, CancellationToken requestAborted)
    {
        CopyResult copy;
        await using (var writer = await blobs.OpenWriterAsync(file.Object, range.Start, CancellationToken.None).ConfigureAwait(false))
        {
            copy = await ChunkCopier.CopyAsync(body.Body, writer, range.Length, lengthIsFramed: body.ContentLength is not null, requestAborted).ConfigureAwait(false);

            // Never cancelled: what was written must be made durable before it is counted.
            await writer.FlushAsync(_durable, CancellationToken.None).ConfigureAwait(false);
        }

        var received = Math.Max(file.Received, range.Start + copy.Written);
        if (copy.Written > 0 || range.Length == 0)
        {
            var now = time.GetUtcNow();
            var expiry = _options.SlidingExpiry ? now + Ttl : session.ExpiresAt;
            if (!await store.AdvanceReceivedAsync(file.SessionId, file.Name, received, now, expiry, CancellationToken.None).ConfigureAwait(false))
            {
                // Deleted or expired while we wrote: nothing may keep these bytes alive.
                await blobs.DeleteAsync(file.Object, CancellationToken.None).ConfigureAwait(false);
                return StowageErrors.UploadSessionNotFound;
            }
        }

        if (copy.End == CopyEnd.SourceFailed)
        {
            Log.ClientStoppedSending(logger, file.SessionId, file.Name, copy.Written, received);
        }

        return copy.End switch
        {
            CopyEnd.Complete => new FileProgress(file.Name, received, file.Total, received == file.Total),
            CopyEnd.SourceFailed => Failure.With(StowageErrors.IncompleteBody, "received", received),
            _ => Failure.With(StowageErrors.ChunkLengthMismatch, "received", received),
        };
    }
}
