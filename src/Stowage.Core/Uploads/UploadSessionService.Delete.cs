using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>
    /// DELETE /uploads/{id}: discards the session and its bytes. Idempotent (seed 004): an unknown,
    /// expired, already deleted or another account's session answers the same success, so ids don't
    /// leak. A session that became a project keeps its files: they are the project's now.
    /// </summary>
    public async Task<Result<bool>> DeleteAsync(Principal caller, string uploadId, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        if (!UploadIds.IsWellFormed(uploadId))
        {
            return StowageErrors.InvalidUploadId;
        }

        var session = await store.GetSessionAsync(uploadId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.AccountId != caller.AccountId || session.ProjectName is not null)
        {
            return true;
        }

        // Once expired the session is gone for every request; if removing it fails or stops half-way, the
        // sweeper finishes the job, so the answer is the same.
        if (!await store.ExpireSessionAsync(uploadId, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
        {
            return true; // a project consumed it meanwhile: its bytes are the project's now
        }

        try
        {
            await RemoveExpiredAsync(uploadId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SessionRemovalDeferred(logger, uploadId, ex);
        }

        return true;
    }

    /// <summary>
    /// The sweeper's end of a session: an expired, unconsumed one loses its bytes and rows; a consumed
    /// one only its rows (its objects belong to the project).
    /// </summary>
    internal async Task DiscardAsync(UploadSessionRecord session, CancellationToken cancellationToken)
    {
        if (session.ProjectName is not null)
        {
            await store.DeleteSessionAsync(session.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Normally a no-op (the sweeper lists expired sessions); it matters when the caller's view is stale.
        if (await store.ExpireSessionAsync(session.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            await RemoveExpiredAsync(session.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Bytes first, rows last. The session is expired, so no file can be added to it and no writer can
    /// count a byte (a writer still running sees its advance refused and removes what it wrote). Should
    /// this stop half-way (a crash, a failing store), the rows still list what is left and the session
    /// is still listed as expired, so the next sweep finishes it: nothing is left behind unlisted.
    /// </summary>
    private async Task RemoveExpiredAsync(string uploadId, CancellationToken cancellationToken)
    {
        var files = await store.ListFilesAsync(uploadId, cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            await RemoveBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await store.DeleteSessionAsync(uploadId, cancellationToken).ConfigureAwait(false);
    }
}
