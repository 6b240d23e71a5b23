using Stowage.Core.Accounts;

namespace Stowage.Core.S3;

/// <summary>
/// What an access key id resolves to: the secret to verify the request's signature with, and the principal the
/// request acts as once it verifies.
/// </summary>
public sealed record S3Credential(string AccessKeyId, string SecretAccessKey, Principal Principal);
