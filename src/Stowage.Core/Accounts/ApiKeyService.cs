using Stowage.Core.Common;
using Stowage.Core.Errors;

namespace Stowage.Core.Accounts;

/// <summary>Issues, lists, revokes and checks API keys (seed 004: <c>Authorization: Bearer sk_…</c>).</summary>
public sealed class ApiKeyService(IAccountStore store, AccountService accounts, TimeProvider time)
{
    public const string SecretPrefix = "sk_";

    // 43 base62 characters = 256 bits: a SHA-256 of the secret is then as good as a slow hash, and
    // lets a key be found with one indexed lookup.
    private const int SecretLength = 43;

    public async Task<CreatedKey> CreateAsync(string accountName, string keyName, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(keyName) || keyName.Length > 100)
        {
            throw new ArgumentException("A key name is 1 to 100 characters.", nameof(keyName));
        }

        var unknown = scopes.Where(s => !Scopes.All.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scope(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Scopes.All)}.", nameof(scopes));
        }

        var account = await accounts.EnsureAsync(accountName, cancellationToken).ConfigureAwait(false);
        var secret = SecretPrefix + RandomIds.Base62(SecretLength);
        var key = new ApiKeyRecord(
            "key_" + RandomIds.Base62(16),
            account.Id,
            keyName,
            TextHash.Sha256Hex(secret),
            SecretPrefix + "…" + secret[^4..],
            (scopes.Count == 0 ? Scopes.Default : scopes).Distinct(StringComparer.Ordinal).ToList(),
            time.GetUtcNow(),
            Revoked: null);
        await store.CreateKeyAsync(key, cancellationToken).ConfigureAwait(false);
        return new CreatedKey(key, secret, account);
    }

    /// <summary>The principal behind a bearer secret (its live key and account); invalid_api_key otherwise.</summary>
    public async Task<Result<Principal>> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return StowageErrors.InvalidApiKey;
        }

        var key = await store.FindKeyBySecretHashAsync(TextHash.Sha256Hex(secret), cancellationToken).ConfigureAwait(false);
        if (key is null || key.Revoked is not null)
        {
            return StowageErrors.InvalidApiKey;
        }

        var account = await store.GetAccountAsync(key.AccountId, cancellationToken).ConfigureAwait(false);
        return account is null ? StowageErrors.InvalidApiKey : new Principal(account, CredentialKind.ApiKey, key.Id, key.Scopes);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? accountName, CancellationToken cancellationToken)
    {
        if (accountName is null)
        {
            return await store.ListKeysAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var account = await store.FindAccountByNameAsync(accountName, cancellationToken).ConfigureAwait(false);
        return account is null ? [] : await store.ListKeysAsync(account.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes the key; false when there is no such key.</summary>
    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken) => store.RevokeKeyAsync(id, time.GetUtcNow(), cancellationToken);
}
