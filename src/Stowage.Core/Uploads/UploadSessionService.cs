using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Locks;
using Stowage.Core.Storage;

namespace Stowage.Core.Uploads;

/// <summary>
/// Resumable upload sessions (seed 004: POST/PUT/GET/DELETE /uploads). Every rule of the Sessions API
/// lives here; the HTTP front door only parses and renders.
/// </summary>
public sealed partial class UploadSessionService(
    IUploadStore store,
    IBlobStore blobs,
    ILockProvider locks,
    IOptions<UploadOptions> uploadOptions,
    IOptions<DurabilityOptions> durabilityOptions,
    TimeProvider time,
    ILogger<UploadSessionService> logger)
{
    private readonly UploadOptions _options = uploadOptions.Value;
    private readonly bool _durable = durabilityOptions.Value.Fsync;
    private readonly AccountPolicy _policy = new(uploadOptions);

    private TimeSpan Ttl => TimeSpan.FromSeconds(_options.SessionTtlSeconds);

    /// <summary>Loads a session the caller may see: another account's, a consumed or an expired one is 404.</summary>
    private async Task<Result<UploadSessionRecord>> LoadSessionAsync(Principal caller, string uploadId, CancellationToken cancellationToken)
    {
        if (!UploadIds.IsWellFormed(uploadId))
        {
            return StowageErrors.InvalidUploadId;
        }

        var session = await store.GetSessionAsync(uploadId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.AccountId != caller.AccountId || session.ProjectName is not null || session.ExpiresAt <= time.GetUtcNow())
        {
            return StowageErrors.UploadSessionNotFound;
        }

        return session;
    }

    private long RemainingSeconds(UploadSessionRecord session) =>
        Math.Max(0, (long)Math.Ceiling((session.ExpiresAt - time.GetUtcNow()).TotalSeconds));

    private static FileProgress ToProgress(UploadFileRecord file, bool ignored = false) =>
        new(file.Name, file.Received, file.Total, file.Complete, ignored);
}
