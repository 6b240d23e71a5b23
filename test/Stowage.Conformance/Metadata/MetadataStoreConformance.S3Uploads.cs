using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: open multipart uploads, their listing order and markers.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetMultipartUpload_ReturnsEveryField_AsCreated()
    {
        var upload = NewUpload("captures", "scans/site 7.e57", At(4), headers: SomeHeaders(), checksumAlgorithm: ChecksumAlgorithm.Crc64Nvme);

        await Store.CreateMultipartUploadAsync(upload, Ct);

        ShouldMatch(await Store.GetMultipartUploadAsync(upload.UploadId, Ct), upload);
        (await Store.GetMultipartUploadAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetMultipartUpload_KeepsANullChecksumAlgorithmAndEmptyHeaders()
    {
        var upload = await AddUploadAsync("captures", "k");

        var stored = await Store.GetMultipartUploadAsync(upload.UploadId, Ct);

        ShouldMatch(stored, upload);
        stored!.ChecksumAlgorithm.ShouldBeNull();
        stored.Headers.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListMultipartUploads_OrdersByKey_ThenInitiation_ThenUploadId()
    {
        var bucket = NewId("bucket");
        var k1Late = await AddUploadAsync(bucket, "k1", At(30), "id-a");
        var k1Early = await AddUploadAsync(bucket, "k1", At(10), "id-z");
        var k1MidB = await AddUploadAsync(bucket, "k1", At(20), "id-n");
        var k1MidA = await AddUploadAsync(bucket, "k1", At(20), "id-m");
        var k0 = await AddUploadAsync(bucket, "k0", At(50), "id-0");
        var k2 = await AddUploadAsync(bucket, "k2", At(0), "id-2");
        var accent = await AddUploadAsync(bucket, "é", At(0), "id-e");
        var capital = await AddUploadAsync(bucket, "K", At(0), "id-K");
        await AddUploadAsync(NewId("bucket"), "k1", At(0), NewId("elsewhere"));

        var listed = await Store.ListMultipartUploadsAsync(bucket, "", null, null, 100, Ct);

        listed.Select(u => u.UploadId).ShouldBe(
            [capital.UploadId, k0.UploadId, k1Early.UploadId, k1MidA.UploadId, k1MidB.UploadId, k1Late.UploadId, k2.UploadId, accent.UploadId]);
        ShouldMatch(listed[2], k1Early);
    }

    [Fact]
    public async Task ListMultipartUploads_WithAPrefix_ReturnsOnlyKeysStartingWithIt_Literally()
    {
        var bucket = NewId("bucket");
        var inside = await AddUploadAsync(bucket, "raw/a_1.cr3");
        var inside2 = await AddUploadAsync(bucket, "raw/a_2.cr3");
        await AddUploadAsync(bucket, "raw/ab.cr3");
        await AddUploadAsync(bucket, "Raw/a_3.cr3");
        await AddUploadAsync(bucket, "rawa_4.cr3");

        (await Store.ListMultipartUploadsAsync(bucket, "raw/a_", null, null, 100, Ct)).Select(u => u.UploadId).ShouldBe([inside.UploadId, inside2.UploadId]);
    }

    [Fact]
    public async Task ListMultipartUploads_AfterAKeyMarkerAlone_SkipsEveryUploadOfThatKey()
    {
        var bucket = NewId("bucket");
        await AddUploadAsync(bucket, "a", At(1));
        await AddUploadAsync(bucket, "b", At(1));
        await AddUploadAsync(bucket, "b", At(2));
        var c = await AddUploadAsync(bucket, "c", At(0));

        (await Store.ListMultipartUploadsAsync(bucket, "", "b", null, 100, Ct)).Select(u => u.UploadId).ShouldBe([c.UploadId]);
        (await Store.ListMultipartUploadsAsync(bucket, "", "bb", null, 100, Ct)).Select(u => u.UploadId).ShouldBe([c.UploadId]);
    }

    [Fact]
    public async Task ListMultipartUploads_IgnoresAnUploadIdMarkerWithoutAKeyMarker()
    {
        var bucket = NewId("bucket");
        var a = await AddUploadAsync(bucket, "a", At(1), "id-5");
        var b = await AddUploadAsync(bucket, "b", At(1), "id-1");

        (await Store.ListMultipartUploadsAsync(bucket, "", null, "id-9", 100, Ct)).Select(u => u.UploadId).ShouldBe([a.UploadId, b.UploadId]);
    }

    [Fact]
    public async Task ListMultipartUploads_PagesThroughEveryUploadOnce_WithBothMarkers()
    {
        var bucket = NewId("bucket");
        var expected = new List<MultipartUploadRecord>();
        foreach (var key in new[] { "x", "y" })
        {
            for (var i = 0; i < 5; i++)
            {
                // Initiation order disagrees with upload-id order, and two uploads share a time.
                expected.Add(await AddUploadAsync(bucket, key, At(i / 2), $"{key}-id-{9 - i}"));
            }
        }

        var ordered = expected.OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated).ThenBy(u => u.UploadId, StringComparer.Ordinal)
            .Select(u => u.UploadId).ToList();
        var seen = new List<string>();
        string? keyMarker = null;
        string? uploadIdMarker = null;
        while (true)
        {
            var page = await Store.ListMultipartUploadsAsync(bucket, "", keyMarker, uploadIdMarker, 3, Ct);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(u => u.UploadId));
            (keyMarker, uploadIdMarker) = (page[^1].Key, page[^1].UploadId);
        }

        seen.ShouldBe(ordered);
    }

    [Fact]
    public async Task ListMultipartUploads_WhenTheMarkerUploadIsGone_ResumesTheMarkerKeyByUploadId()
    {
        var bucket = NewId("bucket");
        await AddUploadAsync(bucket, "k", At(1), "id-1");
        var gone = await AddUploadAsync(bucket, "k", At(2), "id-5");
        await AddUploadAsync(bucket, "k", At(3), "id-3");
        var after = await AddUploadAsync(bucket, "k", At(4), "id-7");
        var next = await AddUploadAsync(bucket, "l", At(0), "id-0");
        (await Store.DeleteMultipartUploadAsync(gone.UploadId, T0, Ct)).ShouldNotBeNull();

        // S3's documented rule for the marker key: only upload ids after the marker.
        (await Store.ListMultipartUploadsAsync(bucket, "", "k", "id-5", 100, Ct)).Select(u => u.UploadId).ShouldBe([after.UploadId, next.UploadId]);
    }

    [Fact]
    public async Task DeleteMultipartUpload_RemovesTheUploadAndItsParts_Only_AndReturnsFalseTheSecondTime()
    {
        var upload = await AddUploadAsync("captures", "k");
        var other = await AddUploadAsync("captures", "k");
        await Store.PutPartAsync(NewPart(upload.UploadId, 1), null, Ct);
        await Store.PutPartAsync(NewPart(other.UploadId, 1), null, Ct);

        (await Store.DeleteMultipartUploadAsync(upload.UploadId, T0, Ct)).ShouldNotBeNull();
        (await Store.DeleteMultipartUploadAsync(upload.UploadId, T0, Ct)).ShouldBeNull();
        (await Store.DeleteMultipartUploadAsync("never", T0, Ct)).ShouldBeNull();

        (await Store.GetMultipartUploadAsync(upload.UploadId, Ct)).ShouldBeNull();
        (await Store.ListPartsAsync(upload.UploadId, 0, 100, Ct)).ShouldBeEmpty();
        (await Store.ListPartsAsync(other.UploadId, 0, 100, Ct)).Count.ShouldBe(1);
        (await Store.ListMultipartUploadsAsync("captures", "", null, null, 100, Ct)).Select(u => u.UploadId).ShouldBe([other.UploadId]);
    }

    [Fact]
    public async Task ListMultipartUploadsInitiatedBy_ReturnsOldEnoughUploadsOfEveryBucket_OldestFirst_UpToTheLimit()
    {
        var cutoff = T0.AddYears(-1); // before every other test's uploads, which share the store
        var oldest = await AddUploadAsync(NewId("bucket"), "z", cutoff.AddSeconds(-30), NewId("u"));
        var tieB = await AddUploadAsync(NewId("bucket"), "a", cutoff.AddSeconds(-10), "tie-b-" + NewId("u"));
        var tieA = await AddUploadAsync(NewId("bucket"), "b", cutoff.AddSeconds(-10), "tie-a-" + NewId("u"));
        var atCutoff = await AddUploadAsync(NewId("bucket"), "k", cutoff, NewId("u"));
        await AddUploadAsync(NewId("bucket"), "k", cutoff.AddMilliseconds(1), NewId("u"));

        (await Store.ListMultipartUploadsInitiatedByAsync(cutoff, 100, Ct)).Select(u => u.UploadId)
            .ShouldBe([oldest.UploadId, tieA.UploadId, tieB.UploadId, atCutoff.UploadId]);
        (await Store.ListMultipartUploadsInitiatedByAsync(cutoff, 2, Ct)).Select(u => u.UploadId).ShouldBe([oldest.UploadId, tieA.UploadId]);
        (await Store.ListMultipartUploadsInitiatedByAsync(cutoff, 0, Ct)).ShouldBeEmpty();
        ShouldMatch((await Store.ListMultipartUploadsInitiatedByAsync(cutoff, 1, Ct)).Single(), oldest);
    }
}
