using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Uploads;

/// <summary>
/// Removing a session's bytes can fail or stop half-way (a crash, a store that is down). Whatever point it
/// stops at, the session is gone for its client and the sweeper later removes every byte: no object
/// outlives the rows that list it.
/// </summary>
public sealed class UploadSessionRemovalTests
{
    private const int Ttl = 3600;

    [Fact]
    public async Task Delete_WhenTheBytesWillNotDelete_AnswersDeleted_AndTheSweeperRemovesThemLater()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(100))).ShouldSucceed();
        (await h.PutChunkAsync(caller, uploadId, "b.jpg", TestBytes.Random(10), 0, 50)).ShouldSucceed();
        h.SessionBlobs.FailDeletes = true;

        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().ShouldBeTrue();

        h.SessionBlobs.FailedDeletes.ShouldBe(1);
        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.PutChunkAsync(caller, uploadId, "b.jpg", TestBytes.Random(10), 10, 50)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldNotBeNull(); // still there, still listed
        (await h.Store.ListFilesAsync(uploadId, CoreHarness.Ct)).Count.ShouldBe(2);

        h.SessionBlobs.FailDeletes = false;
        (await h.Sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(1);

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "b.jpg"))).ShouldBeNull();
        (await h.Store.GetSessionAsync(uploadId, CoreHarness.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Sweep_WhenOneSessionsBytesWillNotDelete_KeepsItsRows_SweepsTheOthers_AndRetriesItNextTime()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var stuck = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, stuck, "a.jpg", TestBytes.Random(100))).ShouldSucceed();
        h.Time.AdvanceSeconds(1);
        var empty = await h.NewSessionAsync(caller); // expires a second later: swept after the stuck one
        h.Time.AdvanceSeconds(Ttl);
        h.SessionBlobs.FailDeletes = true;

        (await h.Sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(1);

        (await h.Store.GetSessionAsync(empty, CoreHarness.Ct)).ShouldBeNull();
        (await h.Store.GetSessionAsync(stuck, CoreHarness.Ct)).ShouldNotBeNull();
        (await h.Store.ListFilesAsync(stuck, CoreHarness.Ct)).Count.ShouldBe(1);
        (await h.ReadObjectAsync(h.SessionObject(stuck, "a.jpg"))).ShouldNotBeNull();

        h.SessionBlobs.FailDeletes = false;
        (await h.Sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(1);

        (await h.Store.GetSessionAsync(stuck, CoreHarness.Ct)).ShouldBeNull();
        (await h.ReadObjectAsync(h.SessionObject(stuck, "a.jpg"))).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_OfASessionAProjectConsumedMeanwhile_KeepsTheProjectsBytes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(100);
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", content));
        var stale = (await h.Store.GetSessionAsync(uploadId, CoreHarness.Ct))!;
        (await h.Projects.CreateAsync(caller, new(uploadId, null, null, null, null), CoreHarness.Ct)).ShouldSucceed();

        // The sweeper's view of the session was read before the project consumed it.
        await h.Uploads.DiscardAsync(stale, CoreHarness.Ct);

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Project_FromASessionBeingDeleted_IsRefused()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", TestBytes.Random(100)));
        h.SessionBlobs.FailDeletes = true; // the DELETE stops after expiring the session, before its bytes are gone
        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();

        (await h.Projects.CreateAsync(caller, new(uploadId, null, null, null, null), CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task EmptyFile_PutIntoASessionDeletedAtThatMoment_LeavesNoObject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        // The empty file's object is made before its record; a DELETE lands in between.
        h.SessionBlobs.BeforeWrite = async _ =>
        {
            h.SessionBlobs.BeforeWrite = null;
            (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();
        };

        (await h.PutAsync(caller, uploadId, "empty.jpg", [])).ShouldFailWith(StowageErrors.UploadSessionNotFound);

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "empty.jpg"))).ShouldBeNull();
    }
}
