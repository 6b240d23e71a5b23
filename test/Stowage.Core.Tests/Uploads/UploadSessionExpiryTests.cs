using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Uploads;

public sealed class UploadSessionExpiryTests
{
    private const int Ttl = 3600;

    [Fact]
    public async Task GetSession_ShowsTheSecondsLeft()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        h.Time.AdvanceSeconds(1000);

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ExpiresInSeconds.ShouldBe(Ttl - 1000);
    }

    [Fact]
    public async Task Session_Is404_OnceItsTtlHasPassed()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 20)).ShouldSucceed();

        h.Time.AdvanceSeconds(Ttl - 1);
        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ExpiresInSeconds.ShouldBe(1);
        h.Time.AdvanceSeconds(1);

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 10, 20)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task Write_MovesTheExpiry_WithSlidingExpiry()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        h.Time.AdvanceSeconds(3000);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 30)).ShouldSucceed();
        h.Time.AdvanceSeconds(3000);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 10, 30)).ShouldSucceed();
        h.Time.AdvanceSeconds(3000);

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ExpiresInSeconds.ShouldBe(Ttl - 3000);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 20, 30)).ShouldSucceed().Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task Session_StillExpires_AfterItsLastAcceptedChunk_WithSlidingExpiry()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        h.Time.AdvanceSeconds(3000);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 30)).ShouldSucceed();

        h.Time.AdvanceSeconds(Ttl);

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task Write_DoesNotMoveTheExpiry_WithoutSlidingExpiry()
    {
        await using var h = await CoreHarness.CreateAsync(s =>
        {
            s.Uploads.SessionTtlSeconds = Ttl;
            s.Uploads.SlidingExpiry = false;
        });
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        h.Time.AdvanceSeconds(3000);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 30)).ShouldSucceed();
        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ExpiresInSeconds.ShouldBe(600);
        h.Time.AdvanceSeconds(600);

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task RefusedChunk_DoesNotMoveTheExpiry()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 30)).ShouldSucceed();

        h.Time.AdvanceSeconds(3000);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 20, 30)).ShouldFailWith(StowageErrors.NonContiguousChunk);

        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ExpiresInSeconds.ShouldBe(600);
    }
}
