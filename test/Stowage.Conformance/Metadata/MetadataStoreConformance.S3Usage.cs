using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: S3 objects and the parts of open multipart uploads count toward their bucket's account's usage, and a
// quota given with a write is enforced in the transaction that records it.
public abstract partial class MetadataStoreConformance
{
    private async Task<(string AccountId, string Bucket)> AddBucketAsync()
    {
        var account = await AddAccountAsync();
        var bucket = NewId("bucket");
        (await Store.CreateBucketAsync(new S3Bucket(bucket, account.Id, T0), Ct)).ShouldBeTrue();
        return (account.Id, bucket);
    }

    [Fact]
    public async Task S3Objects_CountTowardTheBucketsAccountUsage_ThroughPutReplaceCompleteAndDelete()
    {
        var (account, bucket) = await AddBucketAsync();
        var session = await AddSessionAsync(account);
        await AddFileAsync(session.Id, account, "a", 7);

        await Store.PutObjectAsync(NewObject(bucket, "x", size: 100), T0, null, Ct);
        await Store.PutObjectAsync(NewObject(bucket, "y", size: 50), T0, null, Ct);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(7 + 100 + 50);

        await Store.PutObjectAsync(NewObject(bucket, "x", size: 30), T0, null, Ct);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(7 + 30 + 50);

        var upload = await AddUploadAsync(bucket, "y");
        await Store.CompleteMultipartUploadAsync(upload.UploadId, NewObject(bucket, "y", size: 500) with { Blob = upload.Blob, PartsCount = 1 }, T0, null, Ct);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(7 + 30 + 500);

        await Store.DeleteObjectAsync(bucket, "y", T0, Ct);
        await Store.DeleteObjectAsync(bucket, "x", T0, Ct);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(7);
    }

    [Fact]
    public async Task PutObject_OverTheQuota_ChangesNothing_ButAReplacementThatFitsIsRecorded()
    {
        var (account, bucket) = await AddBucketAsync();
        (await Store.PutObjectAsync(NewObject(bucket, "x", size: 100), T0, 150, Ct)).Recorded.ShouldBeTrue();

        var refused = NewObject(bucket, "y", size: 60);
        (await Store.PutObjectAsync(refused, T0, 150, Ct)).ShouldBe(new ObjectReplacement(ObjectRecordOutcome.QuotaExceeded, null));
        (await Store.GetObjectAsync(bucket, "y", Ct)).ShouldBeNull();
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(100);

        // Replacing x with 140 bytes grows the account by 40 only.
        (await Store.PutObjectAsync(NewObject(bucket, "x", size: 140), T0, 150, Ct)).Recorded.ShouldBeTrue();
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(140);
    }

    [Fact]
    public async Task PutObject_ConcurrentWritesAgainstOneQuota_NeverTogetherPassIt()
    {
        var (account, bucket) = await AddBucketAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Store.PutObjectAsync(NewObject(bucket, $"k{i}", size: 100), T0, 350, Ct))));

        outcomes.Count(o => o.Recorded).ShouldBe(3);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(300);
    }

    [Fact]
    public async Task CompleteMultipartUpload_OverTheQuota_LeavesTheUploadOpen()
    {
        var (account, bucket) = await AddBucketAsync();
        var upload = await AddUploadAsync(bucket, "big");

        var outcome = await Store.CompleteMultipartUploadAsync(upload.UploadId, NewObject(bucket, "big", size: 1000) with { Blob = upload.Blob }, T0, 999, Ct);

        outcome.Outcome.ShouldBe(ObjectRecordOutcome.QuotaExceeded);
        (await Store.GetObjectAsync(bucket, "big", Ct)).ShouldBeNull();
        (await Store.GetMultipartUploadAsync(upload.UploadId, Ct)).ShouldNotBeNull();
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Parts_CountTowardTheBucketsAccountUsage_UntilTheirUploadIsCompletedOrDeleted()
    {
        var (account, bucket) = await AddBucketAsync();
        var completed = await AddUploadAsync(bucket, "x");
        var deleted = await AddUploadAsync(bucket, "y");

        (await Store.PutPartAsync(NewPart(completed.UploadId, 1, 100), null, Ct)).ShouldBe(ObjectRecordOutcome.Recorded);
        (await Store.PutPartAsync(NewPart(completed.UploadId, 2, 50), null, Ct)).ShouldBe(ObjectRecordOutcome.Recorded);
        (await Store.PutPartAsync(NewPart(deleted.UploadId, 1, 7), null, Ct)).ShouldBe(ObjectRecordOutcome.Recorded);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(100 + 50 + 7);

        // A part of the same number replaces the earlier one: only the difference counts.
        await Store.PutPartAsync(NewPart(completed.UploadId, 2, 20), null, Ct);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(100 + 20 + 7);

        // Completing replaces every part of the upload (listed or not) with the object.
        var obj = NewObject(bucket, "x", size: 100) with { Blob = completed.Blob, PartsCount = 1 };
        (await Store.CompleteMultipartUploadAsync(completed.UploadId, obj, T0, null, Ct)).Recorded.ShouldBeTrue();
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(100 + 7);

        (await Store.DeleteMultipartUploadAsync(deleted.UploadId, T0, Ct)).ShouldNotBeNull();
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(100);
    }

    [Fact]
    public async Task PutPart_OverTheQuota_ChangesNothing_ButAReplacementThatFitsIsRecorded()
    {
        var (account, bucket) = await AddBucketAsync();
        await Store.PutObjectAsync(NewObject(bucket, "kept", size: 100), T0, null, Ct);
        var upload = await AddUploadAsync(bucket, "big");
        var first = NewPart(upload.UploadId, 1, 40);
        (await Store.PutPartAsync(first, 150, Ct)).ShouldBe(ObjectRecordOutcome.Recorded);

        (await Store.PutPartAsync(NewPart(upload.UploadId, 2, 11), 150, Ct)).ShouldBe(ObjectRecordOutcome.QuotaExceeded);
        (await Store.PutPartAsync(NewPart(upload.UploadId, 1, 51), 150, Ct)).ShouldBe(ObjectRecordOutcome.QuotaExceeded);
        (await Store.ListPartsAsync(upload.UploadId, 0, 10, Ct)).ShouldBe([first]);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(140);

        // Replacing part 1 with 50 bytes grows the account by 10 only.
        (await Store.PutPartAsync(NewPart(upload.UploadId, 1, 50), 150, Ct)).ShouldBe(ObjectRecordOutcome.Recorded);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(150);
    }

    [Fact]
    public async Task PutPart_ConcurrentPartsAgainstOneQuota_NeverTogetherPassIt()
    {
        var (account, bucket) = await AddBucketAsync();
        var upload = await AddUploadAsync(bucket, "big");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(n =>
            Task.Run(() => Store.PutPartAsync(NewPart(upload.UploadId, n, 100), 350, Ct))));

        outcomes.Count(o => o == ObjectRecordOutcome.Recorded).ShouldBe(3);
        (await Store.ListPartsAsync(upload.UploadId, 0, 100, Ct)).Count.ShouldBe(3);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(300);
    }

    [Fact]
    public async Task PutPart_RecordsNothing_WhenTheUploadIsUnknown()
    {
        (await Store.PutPartAsync(NewPart("missing", 1, 10), null, Ct)).ShouldBe(ObjectRecordOutcome.UploadGone);

        (await Store.ListPartsAsync("missing", 0, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeletePart_RemovesItsRecord_AndItsBytesFromTheUsage()
    {
        var (account, bucket) = await AddBucketAsync();
        var upload = await AddUploadAsync(bucket, "big");
        await Store.PutPartAsync(NewPart(upload.UploadId, 1, 30), null, Ct);
        var kept = NewPart(upload.UploadId, 2, 12);
        await Store.PutPartAsync(kept, null, Ct);

        (await Store.DeletePartAsync(upload.UploadId, 1, Ct)).ShouldBeTrue();
        (await Store.DeletePartAsync(upload.UploadId, 1, Ct)).ShouldBeFalse();

        (await Store.ListPartsAsync(upload.UploadId, 0, 10, Ct)).ShouldBe([kept]);
        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(12);
    }

    [Fact]
    public async Task CompleteMultipartUpload_ChecksTheQuota_WithTheUploadsPartsReleased()
    {
        var (account, bucket) = await AddBucketAsync();
        var upload = await AddUploadAsync(bucket, "big");
        await Store.PutPartAsync(NewPart(upload.UploadId, 1, 100), 150, Ct);
        await Store.PutPartAsync(NewPart(upload.UploadId, 2, 40), 150, Ct);

        // The object takes the place of its 140 bytes of parts: the account holds 140 bytes before and after.
        var obj = NewObject(bucket, "big", size: 140) with { Blob = upload.Blob, PartsCount = 2 };
        (await Store.CompleteMultipartUploadAsync(upload.UploadId, obj, T0, 150, Ct)).Recorded.ShouldBeTrue();

        (await Store.GetAccountUsageAsync(account, Ct)).ShouldBe(140);
    }
}
