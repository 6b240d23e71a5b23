namespace Stowage.Core.S3;

/// <summary>
/// Who signed an S3 request: the secret to verify the signature with, the account acting, and for a
/// temporary credential its scope and expiry. A null <see cref="Scope"/> means the account's own access key.
/// </summary>
public sealed record S3Principal(string AccessKeyId, string SecretAccessKey, string AccountId, S3KeyScope? Scope, DateTimeOffset? Expiration);
