using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>Finds who holds an access key (and session token): what signature verification looks credentials up through.</summary>
public interface IS3CredentialResolver
{
    /// <summary>
    /// The credential, or invalid_api_key (unknown or revoked key, or its account is gone), invalid_credential
    /// (a token that is malformed, forged, or not for this key, or a temporary key without its token),
    /// credential_expired (past its expiration).
    /// </summary>
    ValueTask<Result<S3Credential>> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken);
}
