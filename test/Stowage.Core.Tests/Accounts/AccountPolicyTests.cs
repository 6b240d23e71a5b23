using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Accounts;

public sealed class AccountPolicyTests
{
    private static readonly Account Plain = new("acc_1", "plain", true, null, null, null, null, DateTimeOffset.UnixEpoch);

    private static AccountPolicy Policy(Action<UploadOptions>? configure = null)
    {
        var options = new UploadOptions();
        configure?.Invoke(options);
        return new AccountPolicy(Options.Create(options));
    }

    [Theory]
    [InlineData(".e57", "e57")]
    [InlineData("e57", ".E57")]
    [InlineData(".PLY", "ply")]
    public void IsExtensionAllowed_ComparesWithoutALeadingDot_AndCaseInsensitively(string configured, string asked)
    {
        // The Sessions PUT stripped a configured leading dot and the download_link check did not: one rule now.
        Policy(o => o.AllowedExtensions = [configured]).IsExtensionAllowed(asked).ShouldBeTrue();
        Policy(o => o.AllowedExtensions = [configured]).IsExtensionAllowed("exe").ShouldBeFalse();
    }

    [Fact]
    public void Limits_AreTheAccountsOwn_ElseTheServerDefaults()
    {
        var policy = Policy(o =>
        {
            o.MaxFileBytes = 100;
            o.MaxSessionBytes = 200;
            o.DefaultQuotaBytes = 300;
        });

        (policy.MaxFileOf(Plain), policy.MaxSessionOf(Plain), policy.QuotaOf(Plain)).ShouldBe((100L, 200L, (long?)300));
        var own = Plain with { MaxFileBytes = 1, MaxSessionBytes = 2, QuotaBytes = 3 };
        (policy.MaxFileOf(own), policy.MaxSessionOf(own), policy.QuotaOf(own)).ShouldBe((1L, 2L, (long?)3));
        (policy.MaxFileOf(null), policy.QuotaOf(null)).ShouldBe((100L, (long?)300));
    }

    [Fact]
    public void MayUpload_IsTheAccountsPermission_AndFalseForAnUnknownAccount()
    {
        AccountPolicy.MayUpload(Plain).ShouldBeTrue();
        AccountPolicy.MayUpload(Plain with { UploadAllowed = false }).ShouldBeFalse();
        AccountPolicy.MayUpload(null).ShouldBeFalse();
    }
}
