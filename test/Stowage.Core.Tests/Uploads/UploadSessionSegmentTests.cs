using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

/// <summary>
/// A session file is segments until its last byte, then one object (docs/ARCHITECTURE.md, "Durability"): the core
/// composes before it records the file complete, resumes a compose it never recorded, and leaves nothing behind
/// when the session goes while a chunk is being stored.
/// </summary>
public sealed class UploadSessionSegmentTests
{
    [Fact]
    public async Task IncompleteFile_IsNoObject_UntilItsLastByteIsIn()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300);
        var obj = h.SessionObject(uploadId, "a.jpg");

        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 300)).ShouldSucceed();
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[100..250], 100, 300)).ShouldSucceed();

        (await h.ReadObjectAsync(obj)).ShouldBeNull();
        (await h.ReadSegmentsAsync(obj)).ShouldBeBytes(content[..250]);

        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[250..], 250, 300)).ShouldSucceed().Complete.ShouldBeTrue();

        (await h.ReadObjectAsync(obj)).ShouldBeBytes(content);
        (await h.ReadSegmentsAsync(obj)).ShouldBeNull();
    }

    [Fact]
    public async Task Write_ResumesAComposeThatWasNeverRecorded_AndCompletesTheFile()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300);
        var obj = h.SessionObject(uploadId, "a.jpg");
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 300)).ShouldSucceed();

        // The last chunk was stored and composed, then the server died before recording it: received is still 100.
        await using (var segment = await h.Blobs.OpenSegmentAsync(obj, 100, 300, CoreHarness.Ct))
        {
            await segment.WriteAsync(content.AsMemory(100), CoreHarness.Ct);
            await segment.CommitAsync(true, CoreHarness.Ct);
        }

        await h.Blobs.ComposeSegmentsAsync(obj, 300, true, CoreHarness.Ct);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(100);

        var resumed = await h.PutChunkAsync(caller, uploadId, "a.jpg", content[100..], 100, 300);

        resumed.ShouldSucceed().ShouldBe(new FileProgress("a.jpg", 300, 300, Complete: true));
        (await h.ReadObjectAsync(obj)).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_WhoseSessionIsDeletedBetweenItsLastSegmentAndTheCompose_Answers404_AndLeavesNothing()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        h.SessionBlobs.BeforeCompose = async _ =>
        {
            h.SessionBlobs.BeforeCompose = null;
            (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();
        };

        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(100))).ShouldFailWith(StowageErrors.UploadSessionNotFound);

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
    }

    [Fact]
    public async Task Write_WhoseSessionIsDeletedBeforeItsSegmentOpens_Answers404_AndLeavesNothing()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 300)).ShouldSucceed();
        h.SessionBlobs.BeforeWrite = async _ =>
        {
            h.SessionBlobs.BeforeWrite = null;
            (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();
        };

        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[100..], 100, 300)).ShouldFailWith(StowageErrors.UploadSessionNotFound);

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_RemovesTheSegmentsOfIncompleteFiles_AndTheObjectsOfCompleteOnes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "done.jpg", TestBytes.Random(100))).ShouldSucceed();
        (await h.PutChunkAsync(caller, uploadId, "half.jpg", TestBytes.Random(50), 0, 100)).ShouldSucceed();

        (await h.Uploads.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "done.jpg"))).ShouldBeNull();
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "half.jpg"))).ShouldBeNull();
    }
}
