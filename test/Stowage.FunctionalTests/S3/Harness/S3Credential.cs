namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// What <c>stowage s3 credentials create --json</c> prints: a long-lived account key (no session token)
/// or a temporary credential scoped to one object key (ASIA…, with a session token).
/// </summary>
public sealed record S3Credential(
    string AccessKeyId,
    string SecretAccessKey,
    string? SessionToken,
    DateTimeOffset? Expiration,
    string? Endpoint,
    string? Bucket,
    string? Key)
{
    public bool IsTemporary => SessionToken is not null;

    /// <summary>The same key id and token with another secret: requests signed with it must fail.</summary>
    public S3Credential WithSecret(string secret) => this with { SecretAccessKey = secret };

    // Never print the secret in a failure message.
    public override string ToString() => $"{AccessKeyId} (bucket {Bucket ?? "*"}, key {Key ?? "*"}, expires {Expiration?.ToString("O") ?? "never"})";
}
