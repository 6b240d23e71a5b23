using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

public sealed class UploadSessionLimitTests
{
    [Fact]
    public async Task Write_Returns413FileTooLargeWithLimit_OverTheConfiguredFileCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxFileBytes = 1000);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var put = await h.PutAsync(caller, uploadId, "a.jpg", new byte[1001]);

        put.ShouldFailWith(StowageErrors.FileTooLarge).Detail("limit").ShouldBe(1000L);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.FileNotFound);
    }

    [Fact]
    public async Task Write_ChecksTheFileCapAgainstTheTotal_NotTheChunk()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxFileBytes = 1000);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var put = await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 1001);

        put.ShouldFailWith(StowageErrors.FileTooLarge).Detail("limit").ShouldBe(1000L);
    }

    [Fact]
    public async Task Write_AcceptsAFileOfExactlyTheCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxFileBytes = 1000);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[1000])).ShouldSucceed().Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task Write_UsesTheAccountsFileCap_WhenItIsLower()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxFileBytes = 1000);
        var caller = await h.CallerAsync(configure: a => a with { MaxFileBytes = 500 });
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[501])).ShouldFailWith(StowageErrors.FileTooLarge).Detail("limit").ShouldBe(500L);
    }

    [Fact]
    public async Task Write_UsesTheAccountsFileCap_WhenItIsHigher()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxFileBytes = 1000);
        var caller = await h.CallerAsync(configure: a => a with { MaxFileBytes = 2000 });
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[1500])).ShouldSucceed().Complete.ShouldBeTrue();
        (await h.PutAsync(caller, uploadId, "b.jpg", new byte[2001])).ShouldFailWith(StowageErrors.FileTooLarge).Detail("limit").ShouldBe(2000L);
    }

    [Fact]
    public async Task Write_Returns413SessionTooLargeWithLimit_WhenTheSessionsTotalsWouldExceedTheCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxSessionBytes = 1000);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 600)).ShouldSucceed();

        var over = await h.PutAsync(caller, uploadId, "b.jpg", new byte[401]);
        var fits = await h.PutAsync(caller, uploadId, "c.jpg", new byte[400]);

        over.ShouldFailWith(StowageErrors.SessionTooLarge).Detail("limit").ShouldBe(1000L);
        fits.ShouldSucceed().Complete.ShouldBeTrue();
        (await h.Uploads.GetFileAsync(caller, uploadId, "b.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.FileNotFound);
    }

    [Fact]
    public async Task Write_CountsEachSessionOnItsOwn_AgainstTheSessionCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxSessionBytes = 1000);
        var caller = await h.CallerAsync();
        var first = await h.NewSessionAsync(caller);
        var second = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, first, "a.jpg", new byte[1000])).ShouldSucceed();

        (await h.PutAsync(caller, second, "a.jpg", new byte[1000])).ShouldSucceed();
    }

    [Fact]
    public async Task Write_UsesTheAccountsSessionCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.MaxSessionBytes = 1000);
        var caller = await h.CallerAsync(configure: a => a with { MaxSessionBytes = 300 });
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[200])).ShouldSucceed();

        (await h.PutAsync(caller, uploadId, "b.jpg", new byte[101])).ShouldFailWith(StowageErrors.SessionTooLarge).Detail("limit").ShouldBe(300L);
    }

    [Fact]
    public async Task Write_Returns402WithLimit_WhenTheFileWouldExceedTheAccountsQuota()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { QuotaBytes = 1000 });
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[1], 0, 600)).ShouldSucceed();

        var over = await h.PutAsync(caller, uploadId, "b.jpg", new byte[401]);

        over.ShouldFailWith(StowageErrors.StorageQuotaExceeded).Detail("limit").ShouldBe(1000L);
        (await h.PutAsync(caller, uploadId, "c.jpg", new byte[400])).ShouldSucceed();
    }

    [Fact]
    public async Task Write_CountsOtherSessionsAndProjects_AgainstTheQuota()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { QuotaBytes = 1000 });
        await h.CreateProjectAsync(caller, ("p.jpg", new byte[400]));
        var open = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, open, "a.jpg", new byte[400])).ShouldSucceed();
        var third = await h.NewSessionAsync(caller);

        var over = await h.PutAsync(caller, third, "b.jpg", new byte[201]);

        over.ShouldFailWith(StowageErrors.StorageQuotaExceeded).Detail("limit").ShouldBe(1000L);
        (await h.PutAsync(caller, third, "b.jpg", new byte[200])).ShouldSucceed();
    }

    [Fact]
    public async Task Write_UsesTheDefaultQuota_WhenTheAccountSetsNone()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.DefaultQuotaBytes = 100);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[101])).ShouldFailWith(StowageErrors.StorageQuotaExceeded).Detail("limit").ShouldBe(100L);
    }

    [Fact]
    public async Task Write_Returns415WithExtensionAndAllowed_ForAnExtensionNotAllowed()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var failure = (await h.PutAsync(caller, uploadId, "tool.EXE", new byte[1])).ShouldFailWith(StowageErrors.ExtensionNotAllowed);

        failure.Detail("extension").ShouldBe("exe");
        failure.Detail("allowed").ShouldBe(h.Settings.Uploads.AllowedExtensions);
    }

    [Fact]
    public async Task Write_Returns415WithAnEmptyExtension_ForANameWithoutOne()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, "README", new byte[1])).ShouldFailWith(StowageErrors.ExtensionNotAllowed).Detail("extension").ShouldBe("");
    }

    [Theory]
    [InlineData("photo.JPG")]
    [InlineData("scan.E57")]
    [InlineData("capture.cr3")]
    [InlineData("data.tar")]
    [InlineData("video.insv")]
    public async Task Write_MatchesExtensionsCaseInsensitively(string name)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, name, new byte[1])).ShouldSucceed();
    }

    [Fact]
    public async Task Write_ReadsConfiguredExtensionsWithDotsAndCapitals()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.AllowedExtensions = [".E57"]);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, "scan.e57", new byte[1])).ShouldSucceed();
        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[1])).ShouldFailWith(StowageErrors.ExtensionNotAllowed);
    }

    [Fact]
    public async Task Write_Returns403TariffForbidsUpload_WhenTheAccountLostTheRightToUpload()
    {
        await using var h = await CoreHarness.CreateAsync();
        var allowed = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(allowed);
        var forbidden = await h.CallerAsync(configure: a => a with { UploadAllowed = false });

        (await h.PutAsync(forbidden, uploadId, "a.jpg", new byte[1])).ShouldFailWith(StowageErrors.TariffForbidsUpload);
    }

    [Fact]
    public async Task Write_Returns403InsufficientScope_ForAReadOnlyKey()
    {
        await using var h = await CoreHarness.CreateAsync();
        var writer = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(writer);
        var reader = await h.CallerAsync(scopes: [Scopes.ProjectsRead]);

        var failure = (await h.PutAsync(reader, uploadId, "a.jpg", new byte[1])).ShouldFailWith(StowageErrors.InsufficientScope);

        failure.Detail("required").ShouldBe(Scopes.ProjectsWrite);
    }
}
