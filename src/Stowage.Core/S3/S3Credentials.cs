namespace Stowage.Core.S3;

/// <summary>Credentials handed to a client. SessionToken and Expiration are set only on temporary ones.</summary>
public sealed record S3Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken, DateTimeOffset? Expiration, string AccountId, S3KeyScope? Scope);
