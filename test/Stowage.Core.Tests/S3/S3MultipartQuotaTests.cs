using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The parts of open multipart uploads hold disk space, so they count toward the bucket's account's usage and its
/// quota (docs/protocols/s3.md, "Quotas"): until the upload is completed (then the object counts instead, once) or
/// aborted or swept (then nothing does). Without it an account could park any number of bytes in uploads it
/// never completes.
/// </summary>
public sealed class S3MultipartQuotaTests
{
    [Fact]
    public async Task Parts_CountTowardUsage_UntilTheUploadIsCompleted_ThenTheObjectCountsOnce()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await MultipartFixture.StartAsync(h, bucket);
        var one = await MultipartFixture.UploadAsync(h, bucket, upload, 1, TestBytes.Random(3_000));
        var two = await MultipartFixture.UploadAsync(h, bucket, upload, 2, TestBytes.Random(2_000));
        await MultipartFixture.UploadAsync(h, bucket, upload, 3, TestBytes.Random(500)); // uploaded, never listed

        (await Usage(h, bucket)).ShouldBe(5_500);

        // A re-sent part replaces the earlier one: only the difference counts.
        two = await MultipartFixture.UploadAsync(h, bucket, upload, 2, TestBytes.Random(1_000));
        (await Usage(h, bucket)).ShouldBe(4_500);

        (await h.Multipart.CompleteAsync(bucket, upload.Key, upload.UploadId, [MultipartFixture.Listed(one), MultipartFixture.Listed(two)], S3Harness.Ct)).ShouldSucceed();

        // The object (parts 1 and 2) replaces all of the upload's parts, the unlisted one included.
        (await Usage(h, bucket)).ShouldBe(4_000);
    }

    [Fact]
    public async Task Parts_StopCounting_WhenTheUploadIsAborted_OrSweptAsAbandoned()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, "kept.jpg", TestBytes.Random(100));
        var aborted = await MultipartFixture.StartAsync(h, bucket, key: "a.mp4");
        await MultipartFixture.UploadAsync(h, bucket, aborted, 1, TestBytes.Random(2_000));
        var abandoned = await MultipartFixture.StartAsync(h, bucket, key: "b.mp4");
        await MultipartFixture.UploadAsync(h, bucket, abandoned, 1, TestBytes.Random(3_000));
        (await Usage(h, bucket)).ShouldBe(5_100);

        (await h.Multipart.AbortAsync(bucket, aborted.Key, aborted.UploadId, S3Harness.Ct)).ShouldBeNull();
        (await Usage(h, bucket)).ShouldBe(3_100);

        h.Time.Advance(TimeSpan.FromSeconds(h.Options.AbandonedMultipartUploadSeconds));
        (await h.Sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(1);
        (await Usage(h, bucket)).ShouldBe(100);
    }

    [Fact]
    public async Task UploadPart_WhoseDeclaredLengthCannotFitTheQuota_Is403QuotaExceeded_BeforeReadingAByte()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await CappedBucketAsync(h, 10_000);
        var upload = await MultipartFixture.StartAsync(h, bucket);
        await MultipartFixture.UploadAsync(h, bucket, upload, 1, TestBytes.Random(6_000));
        var body = new FailingStream(TestBytes.Random(5_000), failAfter: 0);

        var refused = await h.Multipart.UploadPartAsync(bucket, upload.Key, upload.UploadId, 2, body, 5_000, ObjectWrite.Plain, S3Harness.Ct);

        refused.ShouldFailWith(StowageErrors.StorageQuotaExceeded).Message.ShouldContain("10000 bytes");
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 10, S3Harness.Ct)).Select(p => p.PartNumber).ShouldBe([1]);
        (await Usage(h, bucket)).ShouldBe(6_000);

        // Re-sending part 1 larger but still within the quota is fine: its earlier size is not counted twice.
        await MultipartFixture.UploadAsync(h, bucket, upload, 1, TestBytes.Random(9_000));
        (await Usage(h, bucket)).ShouldBe(9_000);
    }

    [Fact]
    public async Task UploadPart_WithoutADeclaredLength_StopsAtTheQuota_AndKeepsTheEarlierPart()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await CappedBucketAsync(h, 10_000);
        var upload = await MultipartFixture.StartAsync(h, bucket);
        await h.PutAsync(bucket, "a.jpg", TestBytes.Random(4_000));
        var earlier = await MultipartFixture.UploadAsync(h, bucket, upload, 1, TestBytes.Random(1_000));
        var filesBefore = h.BlobFiles();

        // Part 1 again, 7,001 bytes: 4,000 + 7,001 is over 10,000 (the earlier 1,000 bytes of part 1 would go).
        var refused = await h.Multipart.UploadPartAsync(bucket, upload.Key, upload.UploadId, 1, new MemoryStream(TestBytes.Random(7_001)), declaredLength: null, ObjectWrite.Plain, S3Harness.Ct);

        refused.ShouldFailWith(StowageErrors.StorageQuotaExceeded);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 10, S3Harness.Ct)).ShouldBe([earlier]);
        h.BlobFiles().ShouldBe(filesBefore, ignoreOrder: true);
        (await Usage(h, bucket)).ShouldBe(5_000);

        // Exactly up to the quota is accepted.
        await MultipartFixture.UploadAsync(h, bucket, upload, 2, TestBytes.Random(5_000));
        (await Usage(h, bucket)).ShouldBe(10_000);
    }

    [Fact]
    public async Task UploadPart_RefusedWhenRecorded_BecauseAnotherWriteTookTheRoom_LeavesNoBytesOfThatPartNumber()
    {
        CountingS3Store? store = null;
        await using var h = await S3Harness.CreateAsync(wrapStore: inner => store = new CountingS3Store(inner));
        var bucket = await CappedBucketAsync(h, 10_000);
        var upload = await MultipartFixture.StartAsync(h, bucket);
        await MultipartFixture.UploadAsync(h, bucket, upload, 1, TestBytes.Random(1_000));
        var partFile = h.BlobFiles().ShouldHaveSingleItem();

        // While part 1 is re-sent (6,000 bytes, which fit when it began), a PutObject of the same account takes the room.
        store!.BeforePutPart = async _ =>
        {
            store.BeforePutPart = null;
            await h.PutAsync(bucket, "a.jpg", TestBytes.Random(5_000));
        };
        var body = TestBytes.Random(6_000);
        var refused = await h.Multipart.UploadPartAsync(bucket, upload.Key, upload.UploadId, 1, new MemoryStream(body), body.Length, ObjectWrite.Plain, S3Harness.Ct);

        // The refused bytes had already replaced the earlier part 1: that part is gone, record and bytes.
        refused.ShouldFailWith(StowageErrors.StorageQuotaExceeded);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 10, S3Harness.Ct)).ShouldBeEmpty();
        new FileInfo(partFile).Length.ShouldBe(0);
        (await Usage(h, bucket)).ShouldBe(5_000);
    }

    private static async Task<S3Bucket> CappedBucketAsync(S3Harness h, long quota)
    {
        var bucket = await h.BucketAsync(account: "capped");
        await h.Accounts.UpdateAsync("capped", a => a with { QuotaBytes = quota }, S3Harness.Ct);
        return bucket;
    }

    private static Task<long> Usage(S3Harness h, S3Bucket bucket) => h.Store.GetAccountUsageAsync(bucket.AccountId, S3Harness.Ct);
}
