using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: S3 objects count toward their bucket's account's usage, and a quota given with a write is enforced
// in the transaction that records it.
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
}
