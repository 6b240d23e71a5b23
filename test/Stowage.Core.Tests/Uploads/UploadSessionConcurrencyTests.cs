using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

/// <summary>One writer per file: a second PUT of the same file waits for the lock, then gives up with 409.</summary>
public sealed class UploadSessionConcurrencyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Write_Returns409UploadInProgress_WhileAnotherWriteHoldsTheFile()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.LockWaitMilliseconds = 50);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(1000);
        var stalled = new GatedStream(content);
        var first = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(stalled, content.Length, null), CoreHarness.Ct);
        await stalled.Reading.WaitAsync(Patience);

        var second = await h.PutAsync(caller, uploadId, "a.jpg", content);

        var failure = second.ShouldFailWith(StowageErrors.UploadInProgress);
        failure.Detail("received").ShouldBe(0L);
        failure.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        stalled.Release();
        (await first.WaitAsync(Patience)).ShouldSucceed().Complete.ShouldBeTrue();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_WaitsForTheOtherWriter_ThenAnswersFromWhatItLeft()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.LockWaitMilliseconds = 30_000);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(1000, seed: 1);
        var stalled = new GatedStream(content);
        var first = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(stalled, content.Length, null), CoreHarness.Ct);
        await stalled.Reading.WaitAsync(Patience);

        var second = h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(1000, seed: 2));
        second.IsCompleted.ShouldBeFalse();
        stalled.Release();

        (await first.WaitAsync(Patience)).ShouldSucceed().Complete.ShouldBeTrue();
        (await second.WaitAsync(Patience)).ShouldSucceed().ShouldBe(new FileProgress("a.jpg", 1000, 1000, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_OfAnotherFileOfTheSession_DoesNotWait()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.LockWaitMilliseconds = 0);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(1000);
        var stalled = new GatedStream(content);
        var first = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(stalled, content.Length, null), CoreHarness.Ct);
        await stalled.Reading.WaitAsync(Patience);

        var other = await h.PutAsync(caller, uploadId, "b.jpg", content);

        other.ShouldSucceed().Complete.ShouldBeTrue();
        stalled.Release();
        (await first.WaitAsync(Patience)).ShouldSucceed().Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task Write_ReportsTheOtherWritersProgress_InTheConflict()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.LockWaitMilliseconds = 0);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 300)).ShouldSucceed();
        var stalled = new GatedStream(content[100..200]);
        var first = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(stalled, 100, new ChunkRange(100, 199, 300)), CoreHarness.Ct);
        await stalled.Reading.WaitAsync(Patience);

        var second = await h.PutChunkAsync(caller, uploadId, "a.jpg", content[100..200], 100, 300);

        second.ShouldFailWith(StowageErrors.UploadInProgress).Detail("received").ShouldBe(100L);
        stalled.Release();
        (await first.WaitAsync(Patience)).ShouldSucceed().Received.ShouldBe(200);
    }

    [Fact]
    public async Task Write_ThatStalled_IsRefused404_WhenTheSessionWasDeletedMeanwhile_AndLeavesNoBytes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(1000);
        var stalled = new GatedStream(content);
        var writing = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(stalled, content.Length, null), CoreHarness.Ct);
        await stalled.Reading.WaitAsync(Patience);

        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();
        stalled.Release();

        (await writing.WaitAsync(Patience)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
    }

    [Fact]
    public async Task EmptyPut_RacingAPutOfTheSameNameWithBytes_NeverLandsOnThoseBytes()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.LockWaitMilliseconds = 50);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(100);

        // The empty PUT found no file of that name; right before it writes its empty object, a PUT of the same
        // name with bytes comes in. Either that one finds the name busy (409) or it ends first and is kept.
        h.SessionBlobs.BeforeWrite = async _ =>
        {
            h.SessionBlobs.BeforeWrite = null;
            await h.PutAsync(caller, uploadId, "a.jpg", content);
        };
        (await h.PutAsync(caller, uploadId, "a.jpg", [])).ShouldSucceed().Ignored.ShouldBeTrue();

        (await h.PutAsync(caller, uploadId, "a.jpg", content)).ShouldSucceed().Complete.ShouldBeTrue();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }
}
