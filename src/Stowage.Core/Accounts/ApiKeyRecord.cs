namespace Stowage.Core.Accounts;

/// <summary>
/// A stored API key. The secret itself is never stored: only its SHA-256 (<see cref="SecretHash"/>,
/// lowercase hex), which is enough because secrets carry 256 bits of randomness.
/// </summary>
public sealed record ApiKeyRecord(
    string Id,
    string AccountId,
    string Name,
    string SecretHash,
    string Hint,
    IReadOnlyList<string> Scopes,
    DateTimeOffset Created,
    DateTimeOffset? Revoked);
