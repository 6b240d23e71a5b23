using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Capacity;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Core.Tests.S3;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Capacity;

/// <summary>
/// docs/operations.md, "A full disk": the periodic sweeps (expired sessions, abandoned multipart uploads, blob
/// reclaiming) free space, and when writes were being refused for a full disk, they resume as soon as a sweep has
/// made room: the sweep tells StorageCapacity to look, rather than the first write past the recheck interval.
/// </summary>
public sealed class SweepsFreeSpaceTests
{
    [Fact]
    public async Task ExpiredSessionSweep_ThatRemovedSessions_LetsWritesResumeAtOnce()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = 3600);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(100))).ShouldSucceed();
        h.Time.AdvanceSeconds(3600);
        var (capacity, reserve) = FullDisk(h.Time);
        var sweeper = new ExpiredSessionSweeper(h.Store, h.Uploads, h.Time, NullLogger<ExpiredSessionSweeper>.Instance, capacity);
        reserve.CanRestore = true; // the room the sweep makes

        (await sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(1);

        ShouldAcceptWritesAgain(capacity, reserve);
    }

    [Fact]
    public async Task ExpiredSessionSweep_ThatRemovedNothing_DoesNotLook()
    {
        await using var h = await CoreHarness.CreateAsync();
        var (capacity, reserve) = FullDisk(h.Time);
        var sweeper = new ExpiredSessionSweeper(h.Store, h.Uploads, h.Time, NullLogger<ExpiredSessionSweeper>.Instance, capacity);

        (await sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(0);

        reserve.RestoreCalls.ShouldBe(1);
        capacity.IsFull.ShouldBeTrue();
    }

    [Fact]
    public async Task AbandonedMultipartSweep_ThatAbortedUploads_LetsWritesResumeAtOnce()
    {
        await using var h = await S3Harness.CreateAsync(o => o.AbandonedMultipartUploadSeconds = 3600);
        var bucket = await h.BucketAsync();
        var upload = await MultipartFixture.StartAsync(h, bucket);
        await MultipartFixture.UploadAsync(h, bucket, upload, 1, TestBytes.Random(100));
        h.Time.AdvanceSeconds(3600);
        var (capacity, reserve) = FullDisk(h.Time);
        var sweeper = new AbandonedMultipartSweeper(h.Multipart, Options.Create(h.Options), h.Time, NullLogger<AbandonedMultipartSweeper>.Instance, capacity);
        reserve.CanRestore = true;

        (await sweeper.SweepOnceAsync(S3Harness.Ct)).ShouldBe(1);

        ShouldAcceptWritesAgain(capacity, reserve);
    }

    [Fact]
    public async Task BlobReclaimSweep_ThatDeletedBlobs_LetsWritesResumeAtOnce()
    {
        await using var h = await S3Harness.CreateAsync();
        var blob = h.Allocator.New();
        await h.Blobs.PutAsync(blob, new MemoryStream(TestBytes.Random(100)), durable: false, S3Harness.Ct);
        await h.Store.AddBlobReclaimAsync(new BlobReclaim(blob, null, h.Time.GetUtcNow()), S3Harness.Ct);
        var (capacity, reserve) = FullDisk(h.Time);
        var reclaimer = new BlobReclaimer(h.Store, h.Blobs, h.Composer, h.Time, NullLogger<BlobReclaimer>.Instance, capacity);
        reserve.CanRestore = true;

        (await reclaimer.SweepOnceAsync(S3Harness.Ct)).ShouldBe(1);

        (await h.Blobs.GetLengthAsync(blob, S3Harness.Ct)).ShouldBeNull();
        ShouldAcceptWritesAgain(capacity, reserve);
    }

    /// <summary>
    /// Writes refused for a full disk whose reserve a deletion has taken, and a write refused a moment ago: the next
    /// look a write would make is a second away.
    /// </summary>
    private static (StorageCapacity Capacity, FakeStorageReserve Reserve) FullDisk(FakeTimeProvider time)
    {
        var reserve = new FakeStorageReserve { CanRestore = false };
        var capacity = new StorageCapacity([], reserve, time, NullLogger<StorageCapacity>.Instance);
        capacity.ReportFull();
        reserve.Release();
        time.Advance(StorageCapacity.RecheckInterval);
        capacity.AcceptsWrites().ShouldBeFalse();
        reserve.RestoreCalls.ShouldBe(1);
        return (capacity, reserve);
    }

    /// <summary>Without the clock moving: the sweep itself looked, put the reserve back and let writes through.</summary>
    private static void ShouldAcceptWritesAgain(StorageCapacity capacity, FakeStorageReserve reserve)
    {
        capacity.IsFull.ShouldBeFalse();
        reserve.InPlace.ShouldBeTrue();
        reserve.RestoreCalls.ShouldBe(2);
        capacity.AcceptsWrites().ShouldBeTrue();
    }
}
