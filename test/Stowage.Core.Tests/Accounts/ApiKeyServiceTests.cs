using Stowage.Core.Accounts;
using Stowage.Core.Common;
using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Accounts;

public sealed class ApiKeyServiceTests
{
    [Fact]
    public async Task Create_ReturnsASecretOnce_AndStoresOnlyItsHash()
    {
        await using var h = await CoreHarness.CreateAsync();

        var created = await h.Keys.CreateAsync("acme", "laptop", [], CoreHarness.Ct);

        created.Secret.ShouldStartWith("sk_");
        created.Secret.Length.ShouldBe(3 + 43);
        RandomIds.IsBase62(created.Secret[3..]).ShouldBeTrue();
        var stored = (await h.Store.GetKeyAsync(created.Key.Id, CoreHarness.Ct))!;
        stored.SecretHash.ShouldBe(TextHash.Sha256Hex(created.Secret));
        stored.Hint.ShouldBe("sk_…" + created.Secret[^4..]);
        stored.Hint.ShouldNotContain(created.Secret[3..^4]);
        stored.Scopes.ShouldBe(Scopes.Default);
        stored.Name.ShouldBe("laptop");
        created.Account.Name.ShouldBe("acme");
    }

    [Fact]
    public async Task Authenticate_FindsTheKeyAndItsAccount()
    {
        await using var h = await CoreHarness.CreateAsync();
        var created = await h.Keys.CreateAsync("acme", "reader", [Scopes.ProjectsRead], CoreHarness.Ct);

        var caller = (await h.Keys.AuthenticateAsync(created.Secret, CoreHarness.Ct)).ShouldSucceed();

        caller.KeyId.ShouldBe(created.Key.Id);
        caller.Kind.ShouldBe(CredentialKind.ApiKey);
        caller.AccountId.ShouldBe(created.Account.Id);
        caller.Has(Scopes.ProjectsRead).ShouldBeTrue();
        caller.Has(Scopes.ProjectsWrite).ShouldBeFalse();
    }

    [Fact]
    public async Task Authenticate_SeesTheAccountsCurrentLimits()
    {
        await using var h = await CoreHarness.CreateAsync();
        var created = await h.Keys.CreateAsync("acme", "k", [], CoreHarness.Ct);
        await h.Accounts.UpdateAsync("acme", a => a with { QuotaBytes = 5 }, CoreHarness.Ct);

        (await h.Keys.AuthenticateAsync(created.Secret, CoreHarness.Ct)).ShouldSucceed().Account.QuotaBytes.ShouldBe(5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sk_")]
    [InlineData("sk_unknownunknownunknownunknownunknownunknown1")]
    [InlineData("Bearer sk_x")]
    [InlineData("pk_abc")]
    public async Task Authenticate_Returns401_ForAnUnknownSecret(string secret)
    {
        await using var h = await CoreHarness.CreateAsync();
        await h.Keys.CreateAsync("acme", "k", [], CoreHarness.Ct);

        (await h.Keys.AuthenticateAsync(secret, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidApiKey);
    }

    [Fact]
    public async Task Authenticate_Returns401_ForAnOverlongSecret()
    {
        await using var h = await CoreHarness.CreateAsync();

        (await h.Keys.AuthenticateAsync("sk_" + new string('a', 300), CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidApiKey);
    }

    [Fact]
    public async Task Authenticate_Returns401_OnceTheKeyIsRevoked()
    {
        await using var h = await CoreHarness.CreateAsync();
        var created = await h.Keys.CreateAsync("acme", "k", [], CoreHarness.Ct);
        var other = await h.Keys.CreateAsync("acme", "other", [], CoreHarness.Ct);

        (await h.Keys.RevokeAsync(created.Key.Id, CoreHarness.Ct)).ShouldBeTrue();

        (await h.Keys.AuthenticateAsync(created.Secret, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidApiKey);
        (await h.Keys.AuthenticateAsync(other.Secret, CoreHarness.Ct)).ShouldSucceed();
        (await h.Keys.RevokeAsync("key_unknown", CoreHarness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Create_Throws_ForAnUnknownScope()
    {
        await using var h = await CoreHarness.CreateAsync();

        await Should.ThrowAsync<ArgumentException>(() => h.Keys.CreateAsync("acme", "k", ["projects:admin"], CoreHarness.Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Create_Throws_ForAnUnusableKeyName(string name)
    {
        await using var h = await CoreHarness.CreateAsync();

        await Should.ThrowAsync<ArgumentException>(() => h.Keys.CreateAsync("acme", name, [], CoreHarness.Ct));
    }

    [Fact]
    public async Task Create_StoresEachScopeOnce()
    {
        await using var h = await CoreHarness.CreateAsync();

        var created = await h.Keys.CreateAsync("acme", "k", [Scopes.ProjectsRead, Scopes.ProjectsRead], CoreHarness.Ct);

        (await h.Store.GetKeyAsync(created.Key.Id, CoreHarness.Ct))!.Scopes.ShouldBe([Scopes.ProjectsRead]);
    }

    [Fact]
    public async Task List_ReturnsOneAccountsKeys_OrAll()
    {
        await using var h = await CoreHarness.CreateAsync();
        var a = await h.Keys.CreateAsync("acme", "a", [], CoreHarness.Ct);
        var b = await h.Keys.CreateAsync("other", "b", [], CoreHarness.Ct);

        (await h.Keys.ListAsync("acme", CoreHarness.Ct)).Select(k => k.Id).ShouldBe([a.Key.Id]);
        (await h.Keys.ListAsync(null, CoreHarness.Ct)).Select(k => k.Id).ShouldBe([a.Key.Id, b.Key.Id], ignoreOrder: true);
        (await h.Keys.ListAsync("nobody", CoreHarness.Ct)).ShouldBeEmpty();
    }
}
