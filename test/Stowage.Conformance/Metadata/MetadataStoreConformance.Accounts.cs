using Stowage.Core.Accounts;

namespace Stowage.Conformance.Metadata;

// IAccountStore: accounts.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetAccount_ReturnsEveryField_AsCreated()
    {
        var account = new Account(NewId("acct"), "studio-north", false, 5_000, 1_000, 2_000, 7, T0);

        (await Store.CreateAccountAsync(account, Ct)).ShouldBeTrue();

        (await Store.GetAccountAsync(account.Id, Ct)).ShouldBe(account);
    }

    [Fact]
    public async Task GetAccount_KeepsNullLimits_AsNull()
    {
        var account = new Account(NewId("acct"), "unlimited", true, null, null, null, null, T0);
        await Store.CreateAccountAsync(account, Ct);

        (await Store.GetAccountAsync(account.Id, Ct)).ShouldBe(account);
    }

    [Fact]
    public async Task GetAccount_ReturnsNull_WhenNoSuchAccount()
    {
        (await Store.GetAccountAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateAccount_ReturnsFalse_AndKeepsTheFirst_WhenNameIsTaken()
    {
        var first = await AddAccountAsync(name: "taken");
        var second = first with { Id = NewId("acct"), QuotaBytes = 1 };

        (await Store.CreateAccountAsync(second, Ct)).ShouldBeFalse();

        (await Store.GetAccountAsync(second.Id, Ct)).ShouldBeNull();
        (await Store.FindAccountByNameAsync("taken", Ct)).ShouldBe(first);
    }

    [Fact]
    public async Task FindAccountByName_ReturnsTheAccount_OrNullWhenUnknown()
    {
        var account = await AddAccountAsync(name: "findme");
        await AddAccountAsync(name: "other");

        (await Store.FindAccountByNameAsync("findme", Ct)).ShouldBe(account);
        (await Store.FindAccountByNameAsync("nobody", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task UpdateAccount_ReplacesUploadAllowedQuotaAndLimits()
    {
        var account = await AddAccountAsync(quotaBytes: 100);
        var changed = account with { UploadAllowed = false, QuotaBytes = 900, MaxFileBytes = 10, MaxSessionBytes = 20, MaxProjects = 3 };

        (await Store.UpdateAccountAsync(changed, Ct)).ShouldBeTrue();

        (await Store.GetAccountAsync(account.Id, Ct)).ShouldBe(changed);
    }

    [Fact]
    public async Task UpdateAccount_CanClearLimitsBackToNull()
    {
        var account = new Account(NewId("acct"), "limited", true, 1, 2, 3, 4, T0);
        await Store.CreateAccountAsync(account, Ct);
        var cleared = account with { QuotaBytes = null, MaxFileBytes = null, MaxSessionBytes = null, MaxProjects = null };

        await Store.UpdateAccountAsync(cleared, Ct);

        (await Store.GetAccountAsync(account.Id, Ct)).ShouldBe(cleared);
    }

    [Fact]
    public async Task UpdateAccount_LeavesNameAndCreatedAlone()
    {
        var account = await AddAccountAsync(name: "stable");

        await Store.UpdateAccountAsync(account with { Name = "renamed", Created = At(99), QuotaBytes = 5 }, Ct);

        (await Store.GetAccountAsync(account.Id, Ct)).ShouldBe(account with { QuotaBytes = 5 });
    }

    [Fact]
    public async Task UpdateAccount_ReturnsFalse_WhenNoSuchAccount()
    {
        var ghost = new Account("ghost", "ghost", true, null, null, null, null, T0);

        (await Store.UpdateAccountAsync(ghost, Ct)).ShouldBeFalse();

        (await Store.GetAccountAsync("ghost", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListAccounts_ReturnsEveryAccount()
    {
        (await Store.ListAccountsAsync(Ct)).ShouldBeEmpty();
        var a = await AddAccountAsync();
        var b = await AddAccountAsync();

        var listed = await Store.ListAccountsAsync(Ct);

        listed.OrderBy(x => x.Id, StringComparer.Ordinal).ShouldBe(new[] { a, b }.OrderBy(x => x.Id, StringComparer.Ordinal));
    }
}
