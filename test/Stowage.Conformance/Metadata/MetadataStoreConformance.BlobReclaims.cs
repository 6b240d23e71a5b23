using Stowage.Core.Storage;

namespace Stowage.Conformance.Metadata;

// IBlobReclaimStore, and the record swaps that list and unlist blobs (IS3Store put, delete, complete, abort).
public abstract partial class MetadataStoreConformance
{
    private async Task<IReadOnlyList<BlobReclaim>> DueAsync(DateTimeOffset now) => await Store.ListDueBlobReclaimsAsync(now, 1000, Ct);

    [Fact]
    public async Task PutObject_ListsTheReplacedBlob_AndReturnsIt()
    {
        var first = NewObject("captures", "k");
        var second = NewObject("captures", "k");

        (await Store.PutObjectAsync(first, T0, null, Ct)).Replaced.ShouldBeNull();
        (await Store.PutObjectAsync(second, At(5), null, Ct)).Replaced.ShouldBe(first.Blob);

        (await Store.GetObjectAsync("captures", "k", Ct))!.Blob.ShouldBe(second.Blob);
        (await DueAsync(At(5))).ShouldBe([new BlobReclaim(first.Blob, null, At(5))]);
    }

    [Fact]
    public async Task PutObject_TakesItsOwnBlobOffTheList()
    {
        var obj = NewObject("captures", "k");
        await Store.AddBlobReclaimAsync(new BlobReclaim(obj.Blob, null, At(60)), Ct);

        await Store.PutObjectAsync(obj, T0, null, Ct);

        (await DueAsync(At(3600))).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutObject_OfTheSameBlobAgain_ListsNothing()
    {
        var obj = NewObject("captures", "k");
        await Store.PutObjectAsync(obj, T0, null, Ct);

        (await Store.PutObjectAsync(obj with { Size = 7 }, At(1), null, Ct)).Replaced.ShouldBeNull();

        (await DueAsync(At(3600))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConcurrentPutObjects_OfOneKey_ListEveryBlobButTheWinners()
    {
        var writes = Enumerable.Range(1, 10).Select(i => NewObject("captures", "k", size: i)).ToList();
        foreach (var w in writes)
        {
            await Store.AddBlobReclaimAsync(new BlobReclaim(w.Blob, null, At(86_400)), Ct);
        }

        await Task.WhenAll(writes.Select(w => Task.Run(() => Store.PutObjectAsync(w, T0, null, Ct))));

        var winner = (await Store.GetObjectAsync("captures", "k", Ct))!;
        writes.Single(w => w.Blob == winner.Blob).Size.ShouldBe(winner.Size);
        var listed = (await DueAsync(At(86_400))).Select(r => r.Blob).ToHashSet();
        listed.ShouldBe(writes.Select(w => w.Blob).Where(b => b != winner.Blob).ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public async Task DeleteObject_ListsItsBlob_DueAtTheGivenTime()
    {
        var obj = NewObject("captures", "k");
        await Store.PutObjectAsync(obj, T0, null, Ct);

        (await Store.DeleteObjectAsync("captures", "k", At(9), Ct))!.Blob.ShouldBe(obj.Blob);

        (await DueAsync(At(8))).ShouldBeEmpty();
        (await DueAsync(At(9))).ShouldBe([new BlobReclaim(obj.Blob, null, At(9))]);
    }

    [Fact]
    public async Task CompleteMultipartUpload_ListsTheReplacedObjectsBlob()
    {
        var old = NewObject("captures", "k");
        await Store.PutObjectAsync(old, T0, null, Ct);
        var upload = await AddUploadAsync("captures", "k");

        var outcome = await Store.CompleteMultipartUploadAsync(upload.UploadId, NewObject("captures", "k") with { Blob = upload.Blob, PartsCount = 1 }, At(2), null, Ct);

        outcome.ShouldBe(new Core.S3.ObjectReplacement(Core.S3.ObjectRecordOutcome.Recorded, old.Blob));
        (await Store.GetObjectAsync("captures", "k", Ct))!.Blob.ShouldBe(upload.Blob);
        (await DueAsync(At(2))).ShouldBe([new BlobReclaim(old.Blob, null, At(2))]);
    }

    [Fact]
    public async Task DeleteMultipartUpload_ListsItsBlobWithTheUploadId()
    {
        var upload = await AddUploadAsync("captures", "k");

        (await Store.DeleteMultipartUploadAsync(upload.UploadId, At(3), Ct))!.Blob.ShouldBe(upload.Blob);

        (await DueAsync(At(3))).ShouldBe([new BlobReclaim(upload.Blob, upload.UploadId, At(3))]);
    }

    [Fact]
    public async Task AddBlobReclaim_KeepsTheEarlierDueTime_AndListsOldestFirst_UpToTheLimit()
    {
        var a = NewBlob();
        var b = NewBlob();
        await Store.AddBlobReclaimAsync(new BlobReclaim(a, null, At(100)), Ct);
        await Store.AddBlobReclaimAsync(new BlobReclaim(b, null, At(50)), Ct);
        await Store.AddBlobReclaimAsync(new BlobReclaim(a, null, At(10)), Ct);
        await Store.AddBlobReclaimAsync(new BlobReclaim(a, null, At(200)), Ct);

        (await DueAsync(At(100))).ShouldBe([new BlobReclaim(a, null, At(10)), new BlobReclaim(b, null, At(50))]);
        (await Store.ListDueBlobReclaimsAsync(At(100), 1, Ct)).ShouldBe([new BlobReclaim(a, null, At(10))]);
        (await DueAsync(At(9))).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemoveBlobReclaim_TakesOneOff_AndReturnsFalseTheSecondTime()
    {
        var a = NewBlob();
        var b = NewBlob();
        await Store.AddBlobReclaimAsync(new BlobReclaim(a, null, T0), Ct);
        await Store.AddBlobReclaimAsync(new BlobReclaim(b, "up-1", T0), Ct);

        (await Store.RemoveBlobReclaimAsync(a, Ct)).ShouldBeTrue();
        (await Store.RemoveBlobReclaimAsync(a, Ct)).ShouldBeFalse();

        (await DueAsync(T0)).ShouldBe([new BlobReclaim(b, "up-1", T0)]);
    }
}
