using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>Finds who holds an access key (and session token): what signature verification looks credentials up through.</summary>
public interface IS3PrincipalResolver
{
    /// <summary>
    /// The principal, or InvalidAccessKeyId (unknown or revoked key), InvalidToken (malformed, forged, or not
    /// for this key, or a temporary key without its token), ExpiredToken (past its expiration).
    /// </summary>
    ValueTask<Result<S3Principal>> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken);
}
