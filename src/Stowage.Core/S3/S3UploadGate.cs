using Stowage.Core.Accounts;
using Stowage.Core.Common;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// The account's permission to upload (<c>stowage accounts set NAME --upload-allowed false</c>) holds on the S3
/// endpoint as on the Sessions API: an account that may not upload gets AccessDenied on every operation that
/// writes an object (reads, listings and aborts stay open). The answer is cached for
/// <see cref="S3CredentialService.CacheLifetime"/>, like resolved keys, so a change made by the CLI beside a
/// running server takes effect within that time.
/// </summary>
public sealed class S3UploadGate(IAccountStore accounts, TimeProvider time)
{
    private readonly TimedCache<bool> _allowed = new(time, S3CredentialService.CacheLifetime, S3CredentialService.CacheCapacity);

    /// <summary>The operations that write an object's bytes or records: refused to an account that may not upload, and on a full disk.</summary>
    public static bool IsUpload(S3Action action) =>
        action is S3Action.PutObject or S3Action.CreateMultipartUpload or S3Action.UploadPart or S3Action.CompleteMultipartUpload;

    public async ValueTask<Failure?> CheckAsync(S3Principal principal, S3Action action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!IsUpload(action))
        {
            return null;
        }

        if (!_allowed.TryGet(principal.AccountId, out var allowed))
        {
            var account = await accounts.GetAccountAsync(principal.AccountId, cancellationToken).ConfigureAwait(false);
            allowed = AccountPolicy.MayUpload(account);
            _allowed.Add(principal.AccountId, allowed);
        }

        return allowed ? null : Failure.Because(StowageErrors.AccessDenied, "This account is not allowed to upload.");
    }
}
