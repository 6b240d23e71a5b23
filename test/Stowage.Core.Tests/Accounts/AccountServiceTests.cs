using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Accounts;

public sealed class AccountServiceTests
{
    [Fact]
    public async Task Ensure_CreatesAnAccountWithDefaults_Once()
    {
        await using var h = await CoreHarness.CreateAsync();

        var first = await h.Accounts.EnsureAsync("acme", CoreHarness.Ct);
        var again = await h.Accounts.EnsureAsync("acme", CoreHarness.Ct);

        again.ShouldBe(first);
        first.Name.ShouldBe("acme");
        first.UploadAllowed.ShouldBeTrue();
        first.QuotaBytes.ShouldBeNull();
        first.MaxFileBytes.ShouldBeNull();
        first.MaxSessionBytes.ShouldBeNull();
        first.MaxProjects.ShouldBeNull();
        first.Created.ShouldBe(h.Time.GetUtcNow());
        (await h.Accounts.ListAsync(CoreHarness.Ct)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tname")]
    public async Task Ensure_Throws_ForAnUnusableName(string name)
    {
        await using var h = await CoreHarness.CreateAsync();

        await Should.ThrowAsync<ArgumentException>(() => h.Accounts.EnsureAsync(name, CoreHarness.Ct));
    }

    [Fact]
    public async Task Ensure_Throws_ForANameOver100Characters()
    {
        await using var h = await CoreHarness.CreateAsync();

        await Should.ThrowAsync<ArgumentException>(() => h.Accounts.EnsureAsync(new string('a', 101), CoreHarness.Ct));
    }

    [Fact]
    public async Task Update_StoresTheLimits_ButNotIdentity()
    {
        await using var h = await CoreHarness.CreateAsync();
        var original = await h.Accounts.EnsureAsync("acme", CoreHarness.Ct);

        await h.Accounts.UpdateAsync("acme", a => a with
        {
            Id = "acc_hijack",
            Name = "other",
            UploadAllowed = false,
            QuotaBytes = 0,
            MaxFileBytes = 10,
            MaxSessionBytes = 20,
            MaxProjects = 0,
        }, CoreHarness.Ct);

        var stored = (await h.Accounts.FindAsync("acme", CoreHarness.Ct))!;
        stored.ShouldBe(original with { UploadAllowed = false, QuotaBytes = 0, MaxFileBytes = 10, MaxSessionBytes = 20, MaxProjects = 0 });
        (await h.Accounts.FindAsync("other", CoreHarness.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Update_Throws_ForNonPositiveLimits()
    {
        await using var h = await CoreHarness.CreateAsync();

        await Should.ThrowAsync<ArgumentException>(() => h.Accounts.UpdateAsync("acme", a => a with { QuotaBytes = -1 }, CoreHarness.Ct));
        await Should.ThrowAsync<ArgumentException>(() => h.Accounts.UpdateAsync("acme", a => a with { MaxFileBytes = 0 }, CoreHarness.Ct));
        await Should.ThrowAsync<ArgumentException>(() => h.Accounts.UpdateAsync("acme", a => a with { MaxSessionBytes = 0 }, CoreHarness.Ct));
        await Should.ThrowAsync<ArgumentException>(() => h.Accounts.UpdateAsync("acme", a => a with { MaxProjects = -1 }, CoreHarness.Ct));
        (await h.Accounts.FindAsync("acme", CoreHarness.Ct))!.QuotaBytes.ShouldBeNull();
    }
}
