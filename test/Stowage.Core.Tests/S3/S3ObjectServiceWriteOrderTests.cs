using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// Writes of one object are ordered (issue "One core under every protocol", section 1): every write has a blob of
/// its own and the record swap decides, so GET never serves one writer's record with another writer's bytes,
/// and no replaced, deleted or failed write leaves bytes behind.
/// </summary>
public sealed class S3ObjectServiceWriteOrderTests
{
    private const string Key = "scans/site-7.e57";

    [Fact]
    public async Task Put_AWriterHeldBetweenItsBytesAndItsRecord_StillEndsWithItsOwnBytes()
    {
        CountingS3Store? counting = null;
        await using var h = await S3Harness.CreateAsync(wrapStore: s => counting = new CountingS3Store(s));
        var bucket = await h.BucketAsync();
        var first = TestBytes.Random(200_000);
        var second = TestBytes.Random(300_000);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        counting!.BeforePutObject = record => record.Size == first.Length ? HoldAsync() : Task.CompletedTask;

        // The first writer stores its bytes, then waits before its record while the second writes and records.
        var firstPut = Task.Run(() => h.PutAsync(bucket, Key, first));
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await h.PutAsync(bucket, Key, second);
        release.SetResult();
        var winner = await firstPut.WaitAsync(TimeSpan.FromSeconds(30));

        var head = (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldSucceed();
        head.Blob.ShouldBe(winner.Blob);
        head.ETag.ShouldBe(S3Digests.Md5Hex(first));
        (await ReadAsync(h, bucket)).ShouldBeBytes(first);
        h.BlobFiles().Count.ShouldBe(1, "the second writer's blob was reclaimed when the first replaced it");

        async Task HoldAsync()
        {
            held.SetResult();
            await release.Task;
        }
    }

    [Fact]
    public async Task Put_ManyConcurrentWritersOfOneKey_GetServesTheRecordedWritersBytes()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        for (var trial = 0; trial < 5; trial++)
        {
            var bodies = Enumerable.Range(0, 10).Select(i => TestBytes.Random(64 * 1024 + (i * 4096))).ToList();

            await Task.WhenAll(bodies.Select(b => Task.Run(() => h.PutAsync(bucket, Key, b))));

            var head = (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldSucceed();
            var bytes = await ReadAsync(h, bucket);
            bytes.Length.ShouldBe((int)head.Size);
            S3Digests.Md5Hex(bytes).ShouldBe(head.ETag);
            bodies.ShouldContain(b => b.Length == bytes.Length);
            h.BlobFiles().Count.ShouldBe(1, "every replaced writer's blob is reclaimed");
        }
    }

    [Fact]
    public async Task Put_ThatFailsVerification_LeavesNoBlobAndNothingListed_AndKeepsTheOldObject()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var old = TestBytes.Random(10_000);
        await h.PutAsync(bucket, Key, old);
        var body = TestBytes.Random(50_000);

        var failed = await h.Objects.PutAsync(bucket, Key, new MemoryStream(body), body.Length,
            new ObjectWrite(new Dictionary<string, string>(), new byte[16], null, null), S3Harness.Ct);

        failed.ShouldFailWith(StowageErrors.ChecksumMismatch);
        (await ReadAsync(h, bucket)).ShouldBeBytes(old);
        h.BlobFiles().Count.ShouldBe(1);
        (await h.Store.ListDueBlobReclaimsAsync(DateTimeOffset.MaxValue, 10, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_RemovesTheBlob_AndLeavesNothingListed()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, Key, TestBytes.Random(1000));

        await h.Objects.DeleteAsync(bucket, Key, S3Harness.Ct);

        h.BlobFiles().ShouldBeEmpty();
        (await h.Store.ListDueBlobReclaimsAsync(DateTimeOffset.MaxValue, 10, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_RemovesTheBytesOfAWriteThatDiedBeforeItsRecord_OnlyAfterTheGrace()
    {
        await using var h = await S3Harness.CreateAsync();
        var blob = h.Allocator.New();

        // What PutObject does before its record, then dies: the blob is listed, its bytes in place.
        await h.Reclaimer.ListPendingAsync(blob, S3Harness.Ct);
        await h.Blobs.PutAsync(blob, new MemoryStream(TestBytes.Random(4096)), durable: false, S3Harness.Ct);

        (await h.Reclaimer.SweepOnceAsync(S3Harness.Ct)).ShouldBe(0);
        h.BlobFiles().Count.ShouldBe(1, "a write in flight keeps its blob");

        h.Time.Advance(BlobReclaimer.PendingGrace);
        (await h.Reclaimer.SweepOnceAsync(S3Harness.Ct)).ShouldBe(1);

        h.BlobFiles().ShouldBeEmpty();
        (await h.Store.ListDueBlobReclaimsAsync(DateTimeOffset.MaxValue, 10, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Abort_RemovesTheUploadsParts_AndLeavesNothingListed()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = (await h.Multipart.CreateAsync(bucket, Key, "default", new Dictionary<string, string>(), null, S3Harness.Ct)).ShouldSucceed();
        var part = TestBytes.Random(1000);
        (await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1, new MemoryStream(part), part.Length, ObjectWrite.Plain, S3Harness.Ct)).ShouldSucceed();
        h.BlobFiles().ShouldNotBeEmpty();

        (await h.Multipart.AbortAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldBeNull();

        h.BlobFiles().ShouldBeEmpty();
        (await h.Store.ListDueBlobReclaimsAsync(DateTimeOffset.MaxValue, 10, S3Harness.Ct)).ShouldBeEmpty();
    }

    private static async Task<byte[]> ReadAsync(S3Harness h, S3Bucket bucket)
    {
        var content = (await h.Objects.OpenAsync(bucket, Key, 0, S3Harness.Ct)).ShouldSucceed();
        await using var stream = content.Content;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
