using Stowage.Core.Common;

namespace Stowage.Core.Accounts;

/// <summary>Creates and adjusts accounts (the CLI's <c>accounts</c> and <c>keys create --account</c>).</summary>
public sealed class AccountService(IAccountStore store, TimeProvider time)
{
    public const string DefaultAccountName = "default";

    /// <summary>Returns the named account, creating it with default settings if it does not exist.</summary>
    public async Task<Account> EnsureAsync(string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var existing = await store.FindAccountByNameAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var account = new Account("acc_" + RandomIds.Base62(16), name, UploadAllowed: true, QuotaBytes: null,
            MaxFileBytes: null, MaxSessionBytes: null, MaxProjects: null, time.GetUtcNow());
        if (await store.CreateAccountAsync(account, cancellationToken).ConfigureAwait(false))
        {
            return account;
        }

        // Lost a race with another creator of the same name: theirs is as good as ours.
        return await store.FindAccountByNameAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Account '{name}' could not be created.");
    }

    public Task<Account?> FindAsync(string name, CancellationToken cancellationToken) => store.FindAccountByNameAsync(name, cancellationToken);

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken) => store.ListAccountsAsync(cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the named account (created if missing) and stores it.</summary>
    public async Task<Account> UpdateAsync(string name, Func<Account, Account> change, CancellationToken cancellationToken)
    {
        var account = await EnsureAsync(name, cancellationToken).ConfigureAwait(false);
        var updated = change(account) with { Id = account.Id, Name = account.Name, Created = account.Created };
        if (updated.QuotaBytes is < 0 || updated.MaxFileBytes is <= 0 || updated.MaxSessionBytes is <= 0 || updated.MaxProjects is < 0)
        {
            throw new ArgumentException("Quota and limits must be positive (quota and max projects may be 0).");
        }

        await store.UpdateAccountAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            throw new ArgumentException("An account name is 1 to 100 printable characters.", nameof(name));
        }
    }
}
