namespace Stowage.Core.Accounts;

/// <summary>Accounts and API keys in the metadata store.</summary>
public interface IAccountStore
{
    Task<Account?> GetAccountAsync(string id, CancellationToken cancellationToken);

    Task<Account?> FindAccountByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Inserts the account; returns false when the name is already taken.</summary>
    Task<bool> CreateAccountAsync(Account account, CancellationToken cancellationToken);

    /// <summary>Replaces the mutable fields (upload allowed, quota, limits) of an existing account.</summary>
    Task<bool> UpdateAccountAsync(Account account, CancellationToken cancellationToken);

    Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken);

    Task CreateKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>Finds a key, revoked or not, by the SHA-256 hex of its secret.</summary>
    Task<ApiKeyRecord?> FindKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetKeyAsync(string id, CancellationToken cancellationToken);

    /// <summary>All keys, or one account's, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(string? accountId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; returns false when no such key exists. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeKeyAsync(string id, DateTimeOffset when, CancellationToken cancellationToken);
}
