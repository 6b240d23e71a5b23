#pragma warning disable CS9113, IDE0052 // Skeleton until the S3 services are implemented; remove with the first real body.
using Microsoft.Extensions.Options;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Long-lived access keys (stored) and temporary, key-scoped credentials (not stored: the session token
/// carries its own scope and expiry, signed with a server-wide secret, so verifying one needs no database
/// round trip). Also decides what a principal may do (<see cref="Authorize"/>).
/// </summary>
public sealed class S3CredentialService(IS3Store store, IOptions<S3Options> options, TimeProvider time) : IS3PrincipalResolver
{
    private readonly S3Options _options = options.Value;

    /// <summary>Creates and stores a long-lived access key (AKIA…) for the account.</summary>
    public Task<S3Credentials> CreateAccessKeyAsync(string accountId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Issues a temporary credential (ASIA…) for one object key, valid for <paramref name="ttl"/>.</summary>
    public Task<S3Credentials> IssueTemporaryAsync(string accountId, S3KeyScope scope, TimeSpan ttl, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>
    /// The principal behind an access key id (and session token, for a temporary one). Failures:
    /// InvalidAccessKeyId (unknown or revoked), InvalidToken (a token that is malformed, forged or not for this key),
    /// ExpiredToken (past its expiration).
    /// </summary>
    public ValueTask<Result<S3Principal>> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>
    /// Null when the principal may perform the action on bucket/key; AccessDenied otherwise. A scoped principal
    /// may only PutObject and run the multipart operations on its one key, and PutObject and
    /// CreateMultipartUpload must carry <paramref name="cannedAcl"/> "bucket-owner-full-control".
    /// </summary>
    public Failure? Authorize(S3Principal principal, S3Action action, string? bucket, string? key, string? cannedAcl) =>
        throw new NotImplementedException();
}
