using Stowage.Core.Accounts;

namespace Stowage.Conformance.Metadata;

// IAccountStore: API keys.
public abstract partial class MetadataStoreConformance
{
    private static ApiKeyRecord NewKey(string accountId, DateTimeOffset? created = null, IReadOnlyList<string>? scopes = null) =>
        new(NewId("key"), accountId, "laptop", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32), "sk_…a1b2",
            scopes ?? Scopes.Default, created ?? T0, null);

    [Fact]
    public async Task GetKey_ReturnsEveryField_IncludingScopes()
    {
        var account = await AddAccountAsync();
        var key = NewKey(account.Id, scopes: [Scopes.ProjectsRead]);

        await Store.CreateKeyAsync(key, Ct);

        ShouldMatch(await Store.GetKeyAsync(key.Id, Ct), key);
        (await Store.GetKeyAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetKey_KeepsAnEmptyScopeList()
    {
        var account = await AddAccountAsync();
        var key = NewKey(account.Id, scopes: []);

        await Store.CreateKeyAsync(key, Ct);

        ShouldMatch(await Store.GetKeyAsync(key.Id, Ct), key);
    }

    [Fact]
    public async Task FindKeyBySecretHash_ReturnsTheKey_OrNullWhenUnknown()
    {
        var account = await AddAccountAsync();
        var key = NewKey(account.Id);
        await Store.CreateKeyAsync(key, Ct);
        await Store.CreateKeyAsync(NewKey(account.Id), Ct);

        ShouldMatch(await Store.FindKeyBySecretHashAsync(key.SecretHash, Ct), key);
        (await Store.FindKeyBySecretHashAsync(new string('f', 64), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task FindKeyBySecretHash_ReturnsRevokedKeys_WithTheirRevocationTime()
    {
        var account = await AddAccountAsync();
        var key = NewKey(account.Id);
        await Store.CreateKeyAsync(key, Ct);
        await Store.RevokeKeyAsync(key.Id, At(60), Ct);

        ShouldMatch(await Store.FindKeyBySecretHashAsync(key.SecretHash, Ct), key with { Revoked = At(60) });
    }

    [Fact]
    public async Task RevokeKey_ReturnsFalse_WhenNoSuchKey()
    {
        (await Store.RevokeKeyAsync("missing", T0, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task RevokeKey_Twice_KeepsTheFirstTime_AndStillReturnsTrue()
    {
        var account = await AddAccountAsync();
        var key = NewKey(account.Id);
        await Store.CreateKeyAsync(key, Ct);

        (await Store.RevokeKeyAsync(key.Id, At(10), Ct)).ShouldBeTrue();
        (await Store.RevokeKeyAsync(key.Id, At(20), Ct)).ShouldBeTrue();

        (await Store.GetKeyAsync(key.Id, Ct))!.Revoked.ShouldBe(At(10));
    }

    [Fact]
    public async Task ListKeys_ReturnsOneAccountsKeys_OldestFirst()
    {
        var account = await AddAccountAsync();
        var other = await AddAccountAsync();
        var newer = NewKey(account.Id, At(20));
        var older = NewKey(account.Id, At(10));
        await Store.CreateKeyAsync(newer, Ct);
        await Store.CreateKeyAsync(NewKey(other.Id, At(15)), Ct);
        await Store.CreateKeyAsync(older, Ct);

        var keys = await Store.ListKeysAsync(account.Id, Ct);

        keys.Select(k => k.Id).ShouldBe([older.Id, newer.Id]);
        ShouldMatch(keys[0], older);
    }

    [Fact]
    public async Task ListKeys_ReturnsEveryAccountsKeys_OldestFirst_WhenAccountIsNull()
    {
        var a = await AddAccountAsync();
        var b = await AddAccountAsync();
        var third = NewKey(a.Id, At(30));
        var first = NewKey(b.Id, At(10));
        var second = NewKey(a.Id, At(20));
        foreach (var key in new[] { third, first, second })
        {
            await Store.CreateKeyAsync(key, Ct);
        }

        (await Store.ListKeysAsync(null, Ct)).Select(k => k.Id).ShouldBe([first.Id, second.Id, third.Id]);
        (await Store.ListKeysAsync("nobody", Ct)).ShouldBeEmpty();
    }
}
