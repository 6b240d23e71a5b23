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
    public async Task<Result<bool>> DeleteAsync(Caller caller, string uploadId, CancellationToken cancellationToken)
    {
        if (RequireScope(caller, Scopes.ProjectsWrite) is { } denied)
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

        await DiscardAsync(session, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes an unconsumed session's rows, then its objects (also used by the expiry sweeper).</summary>
    internal async Task DiscardAsync(UploadSessionRecord session, CancellationToken cancellationToken)
    {
        var files = await store.ListFilesAsync(session.Id, cancellationToken).ConfigureAwait(false);

        // Rows first: once they are gone no request can report these bytes, and a writer still
        // running sees its advance refused and removes what it wrote.
        await store.DeleteSessionAsync(session.Id, cancellationToken).ConfigureAwait(false);
        if (session.ProjectName is not null)
        {
            return; // consumed: the objects belong to the project
        }

        foreach (var file in files)
        {
            await blobs.DeleteAsync(file.Object, cancellationToken).ConfigureAwait(false);
        }
    }
}
