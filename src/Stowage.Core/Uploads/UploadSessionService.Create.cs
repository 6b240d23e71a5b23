using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.Uploads;

public sealed partial class UploadSessionService
{
    /// <summary>POST /uploads: 403 when the account may not upload, 402 when it is already at its quota.</summary>
    public async Task<Result<SessionCreated>> CreateAsync(Principal caller, CancellationToken cancellationToken)
    {
        if (AccountPolicy.RequireScope(caller, Scopes.ProjectsWrite) is { } denied)
        {
            return denied;
        }

        if (AccountPolicy.RequireUpload(caller) is { } mayNot)
        {
            return mayNot;
        }

        var quota = _policy.QuotaOf(caller.Account);
        if (quota is { } q && await store.GetAccountUsageAsync(caller.AccountId, cancellationToken).ConfigureAwait(false) >= q)
        {
            return Failure.With(StowageErrors.StorageQuotaExceeded, "limit", q);
        }

        var now = time.GetUtcNow();
        var session = new UploadSessionRecord(UploadIds.New(), caller.AccountId, now, now + Ttl, ProjectName: null);
        await store.CreateSessionAsync(session, cancellationToken).ConfigureAwait(false);
        return new SessionCreated(session.Id, _options.SessionTtlSeconds);
    }
}
