namespace Stowage.Core.S3;

/// <summary>
/// A long-lived S3 access key of an account (for operators and scripts). SigV4 is an HMAC, so the server
/// needs the secret itself, not a hash of it; temporary credentials are never stored (see S3CredentialService).
/// </summary>
public sealed record S3AccessKeyRecord(string AccessKeyId, string SecretAccessKey, string AccountId, DateTimeOffset Created, DateTimeOffset? Revoked);
