using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;
using static Stowage.Core.Tests.S3.MultipartFixture;

namespace Stowage.Core.Tests.S3;

/// <summary>Multipart uploads nobody completes or aborts are aborted after Stowage:S3:AbandonedMultipartUploadSeconds, parts and all.</summary>
public sealed class AbandonedMultipartSweeperTests
{
    private const int Age = 3600;

    [Fact]
    public async Task SweepOnce_AbortsUploadsOlderThanTheAge_WithTheirPartFiles_AndKeepsYoungerOnes()
    {
        await using var h = await S3Harness.CreateAsync(o => { o.AbandonedMultipartUploadSeconds = Age; o.MinPartBytes = 1; });
        var bucket = await h.BucketAsync();
        var existing = await h.PutAsync(bucket, Key, TestBytes.Random(10, seed: 3));
        var before = h.BlobFiles();
        var old = await StartAsync(h, bucket);
        await UploadAsync(h, bucket, old, 1, TestBytes.Random(1000));
        await UploadAsync(h, bucket, old, 2, TestBytes.Random(500));
        var withOld = h.BlobFiles();
        h.Time.AdvanceSeconds(Age - 10);
        var young = await StartAsync(h, bucket, key: "other.mp4");
        var youngPart = await UploadAsync(h, bucket, young, 1, TestBytes.Random(100));
        var youngFiles = h.BlobFiles().Except(withOld).ToList();
        withOld.Count.ShouldBe(before.Count + 2);
        youngFiles.ShouldHaveSingleItem();
        h.Time.AdvanceSeconds(10);

        (await h.Sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(1);

        (await h.Multipart.GetAsync(bucket, Key, old.UploadId, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.ListPartsAsync(old.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
        (await h.Multipart.AbortAsync(bucket, Key, old.UploadId, S3Harness.Ct))!.Error.ShouldBe(StowageErrors.MultipartUploadNotFound);
        h.BlobFiles().Order(StringComparer.Ordinal).ShouldBe(before.Concat(youngFiles).Order(StringComparer.Ordinal)); // the old parts' files are gone
        await S3ObjectServicePutTests.ShouldStillBeAsync(h, bucket, existing, TestBytes.Random(10, seed: 3));

        // The young upload keeps its part, and still completes.
        (await h.Multipart.ListPartsAsync(young.UploadId, 0, 100, S3Harness.Ct)).ShouldHaveSingleItem().ETag.ShouldBe(youngPart.ETag);
        (await h.Multipart.CompleteAsync(bucket, "other.mp4", young.UploadId, [Listed(youngPart)], S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task SweepOnce_LeavesAnUploadWhosePartIsBeingRecorded_ForTheNextSweep()
    {
        await using var h = await S3Harness.CreateAsync(o => o.AbandonedMultipartUploadSeconds = Age);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        h.Time.AdvanceSeconds(Age);

        await using (await h.Locks.TryAcquireAsync(S3MultipartService.LockName(upload.UploadId), TimeSpan.Zero, S3Harness.Ct))
        {
            (await h.Sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(0);
            (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldSucceed();
        }

        (await h.Sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(1);
        (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
    }

    [Fact]
    public async Task SweepOnce_AbortsMoreThanOneBatch()
    {
        await using var h = await S3Harness.CreateAsync(o => o.AbandonedMultipartUploadSeconds = Age);
        var bucket = await h.BucketAsync();
        for (var i = 0; i < 130; i++)
        {
            await StartAsync(h, bucket, key: $"k{i}");
        }

        h.Time.AdvanceSeconds(Age);

        (await h.Sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(130);
        (await h.Multipart.ListUploadsAsync(bucket, "", null, null, 1000, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SweepOnce_DoesNothing_WhenTheAgeIsZero()
    {
        await using var h = await S3Harness.CreateAsync(o => o.AbandonedMultipartUploadSeconds = 0);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        h.Time.AdvanceSeconds(365 * 24 * 3600);

        (await h.Sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(0);
        (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldSucceed();
    }
}
