namespace Stowage.Core.Accounts;

/// <summary>A new key with its secret, which is shown this once and never stored.</summary>
public sealed record CreatedKey(ApiKeyRecord Key, string Secret, Account Account);
