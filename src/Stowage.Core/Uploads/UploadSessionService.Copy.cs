using Stowage.Core.Errors;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>
    /// Stores the body as the file's next segment (docs/ARCHITECTURE.md, "Durability"), and only then raises
    /// <c>received</c>. Bytes that arrived before the client went away are kept and counted: on a bad network the
    /// next attempt resumes from them instead of sending them again.
    /// </summary>
    private async Task<Result<FileProgress>> CopyAndAdvanceAsync(UploadSessionRecord session, UploadFileRecord file, ChunkRange range, UploadBody body, CancellationToken requestAborted)
    {
        CopyResult copy;
        try
        {
            copy = await StoreSegmentAsync(file, range, body, requestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (!await IsSessionGoneAsync(file.SessionId).ConfigureAwait(false))
            {
                throw;
            }

            // A DELETE or the sweeper removed the file's segments under this write, so the store failed: the
            // session's end, not a fault. Whatever this write left goes too.
            await RemoveBytesAsync(file, CancellationToken.None).ConfigureAwait(false);
            return StowageErrors.UploadSessionNotFound;
        }

        var received = file.Received + copy.Written;
        if (copy.Read > 0)
        {
            var now = time.GetUtcNow();
            var expiry = _options.SlidingExpiry ? now + Ttl : session.ExpiresAt;
            if (!await store.AdvanceReceivedAsync(file.SessionId, file.Name, received, now, expiry, CancellationToken.None).ConfigureAwait(false))
            {
                // Deleted or expired while we wrote: nothing may keep these bytes alive.
                await RemoveBytesAsync(file, CancellationToken.None).ConfigureAwait(false);
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

    /// <summary>
    /// The segment starts at <c>received</c>: a chunk that starts below it has its overlap read and dropped, so no
    /// stored byte is ever rewritten. The segment is committed (fsynced when durable) whatever way the body ended,
    /// so what arrived is kept. The segment that ends the file is composed into the file's object before anything
    /// is recorded: the metadata never calls a file complete whose object does not exist. A crash between the
    /// compose and the record is resumed by the store (<see cref="Storage.IBlobStore.OpenSegmentAsync"/>).
    /// </summary>
    private async Task<CopyResult> StoreSegmentAsync(UploadFileRecord file, ChunkRange range, UploadBody body, CancellationToken requestAborted)
    {
        CopyResult copy;
        await using (var segment = await blobs.OpenSegmentAsync(file.Object, file.Received, file.Total, CancellationToken.None).ConfigureAwait(false))
        {
            var overlap = file.Received - range.Start;
            copy = await ChunkCopier.CopyAsync(body.Body, segment, range.Length, overlap, lengthIsFramed: body.ContentLength is not null, requestAborted).ConfigureAwait(false);

            // Never cancelled: what was written must be made durable before it is counted.
            await segment.CommitAsync(_durable, CancellationToken.None).ConfigureAwait(false);
        }

        if (file.Received + copy.Written == file.Total)
        {
            await blobs.ComposeSegmentsAsync(file.Object, file.Total, _durable, CancellationToken.None).ConfigureAwait(false);
        }

        return copy;
    }

    /// <summary>Expired, consumed or deleted: the same test <see cref="IUploadStore.AdvanceReceivedAsync"/> applies.</summary>
    private async Task<bool> IsSessionGoneAsync(string uploadId)
    {
        var session = await store.GetSessionAsync(uploadId, CancellationToken.None).ConfigureAwait(false);
        return session is null || session.ProjectName is not null || session.ExpiresAt <= time.GetUtcNow();
    }

    /// <summary>
    /// Everything stored for a file: its uncomposed segments, unless it is complete (composing consumed them), and
    /// its object, which exists once complete or after a compose that was never recorded.
    /// </summary>
    private async Task RemoveBytesAsync(UploadFileRecord file, CancellationToken cancellationToken)
    {
        if (!file.Complete)
        {
            await blobs.AbortSegmentsAsync(file.Object, cancellationToken).ConfigureAwait(false);
        }

        await blobs.DeleteAsync(file.Object, cancellationToken).ConfigureAwait(false);
    }
}
