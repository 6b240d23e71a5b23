using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

public sealed class UploadSessionCreateTests
{
    [Fact]
    public async Task Create_ReturnsA22CharacterIdAndTheTtl()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = 7200);
        var caller = await h.CallerAsync();

        var created = (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldSucceed();

        created.UploadId.Length.ShouldBe(UploadIds.Length);
        UploadIds.IsWellFormed(created.UploadId).ShouldBeTrue();
        created.ExpiresInSeconds.ShouldBe(7200);
    }

    [Fact]
    public async Task Create_ReturnsAnEmptySessionTheCallerCanRead()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var view = (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();

        view.UploadId.ShouldBe(uploadId);
        view.ExpiresInSeconds.ShouldBe(259_200);
        view.Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ReturnsDistinctIds()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        var first = await h.NewSessionAsync(caller);
        var second = await h.NewSessionAsync(caller);

        first.ShouldNotBe(second);
    }

    [Fact]
    public async Task Create_Returns403TariffForbidsUpload_WhenTheAccountMayNotUpload()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { UploadAllowed = false });

        (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldFailWith(StowageErrors.TariffForbidsUpload);
    }

    [Fact]
    public async Task Create_Returns403InsufficientScope_ForAReadOnlyKey()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(scopes: [Scopes.ProjectsRead]);

        var failure = (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldFailWith(StowageErrors.InsufficientScope);

        failure.Detail("required").ShouldBe(Scopes.ProjectsWrite);
    }

    [Fact]
    public async Task Create_Returns402WithLimit_WhenTheAccountIsAtItsQuota()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { QuotaBytes = 1000 });
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(1000))).ShouldSucceed();

        var failure = (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldFailWith(StowageErrors.StorageQuotaExceeded);

        failure.Detail("limit").ShouldBe(1000L);
    }

    [Fact]
    public async Task Create_Returns402_WhenTheQuotaIsZero()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { QuotaBytes = 0 });

        (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldFailWith(StowageErrors.StorageQuotaExceeded).Detail("limit").ShouldBe(0L);
    }

    [Fact]
    public async Task Create_UsesTheDefaultQuota_WhenTheAccountSetsNone()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.DefaultQuotaBytes = 500);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(500))).ShouldSucceed();

        (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldFailWith(StowageErrors.StorageQuotaExceeded).Detail("limit").ShouldBe(500L);
    }

    [Fact]
    public async Task Create_Succeeds_BelowTheQuota()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { QuotaBytes = 1000 });
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(999))).ShouldSucceed();

        (await h.Uploads.CreateAsync(caller, CoreHarness.Ct)).ShouldSucceed();
    }
}
