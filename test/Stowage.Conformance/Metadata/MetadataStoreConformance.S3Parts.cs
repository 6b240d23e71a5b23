using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: parts and completing an upload.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task ListParts_ReturnsEveryField_InPartNumberOrder()
    {
        var upload = await AddUploadAsync("captures", "k");
        var p3 = NewPart(upload.UploadId, 3, 17, checksum: new ChecksumValue(ChecksumAlgorithm.Sha256, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), lastModified: At(3));
        var p1 = NewPart(upload.UploadId, 1, lastModified: At(1));
        var p10000 = NewPart(upload.UploadId, 10_000, 1, lastModified: At(2));
        foreach (var part in new[] { p3, p10000, p1 })
        {
            await Store.PutPartAsync(part, null, Ct);
        }

        (await Store.ListPartsAsync(upload.UploadId, 0, 100, Ct)).ShouldBe([p1, p3, p10000]);
        (await Store.ListPartsAsync("missing", 0, 100, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListParts_StartsAfterTheMarker_AndStopsAtTheLimit()
    {
        var upload = await AddUploadAsync("captures", "k");
        for (var n = 1; n <= 7; n++)
        {
            await Store.PutPartAsync(NewPart(upload.UploadId, n), null, Ct);
        }

        (await Store.ListPartsAsync(upload.UploadId, 2, 3, Ct)).Select(p => p.PartNumber).ShouldBe([3, 4, 5]);
        (await Store.ListPartsAsync(upload.UploadId, 5, 100, Ct)).Select(p => p.PartNumber).ShouldBe([6, 7]);
        (await Store.ListPartsAsync(upload.UploadId, 7, 100, Ct)).ShouldBeEmpty();
        (await Store.ListPartsAsync(upload.UploadId, 0, 0, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutPart_ReplacesAnEarlierPartOfTheSameNumber_AndKeepsTheOthers()
    {
        var upload = await AddUploadAsync("captures", "k");
        var other = await AddUploadAsync("captures", "k");
        await Store.PutPartAsync(NewPart(upload.UploadId, 1, 10, "aaaa", new ChecksumValue(ChecksumAlgorithm.Crc32, "AAAAAA=="), At(1)), null, Ct);
        await Store.PutPartAsync(NewPart(upload.UploadId, 2), null, Ct);
        await Store.PutPartAsync(NewPart(other.UploadId, 1, 99, "cccc"), null, Ct);
        var replacement = NewPart(upload.UploadId, 1, 20, "bbbb", null, At(2));

        await Store.PutPartAsync(replacement, null, Ct);

        var parts = await Store.ListPartsAsync(upload.UploadId, 0, 100, Ct);
        parts.Select(p => p.PartNumber).ShouldBe([1, 2]);
        parts[0].ShouldBe(replacement);
        (await Store.ListPartsAsync(other.UploadId, 0, 100, Ct)).Single().ETag.ShouldBe("cccc");
    }

    [Fact]
    public async Task CompleteMultipartUpload_StoresTheObject_AndDeletesTheUploadAndItsParts()
    {
        var upload = await AddUploadAsync("captures", "big.e57");
        await Store.PutPartAsync(NewPart(upload.UploadId, 1), null, Ct);
        await Store.PutPartAsync(NewPart(upload.UploadId, 2), null, Ct);
        var obj = NewObject("captures", "big.e57", 10_485_760, At(9), SomeHeaders()) with { ETag = "0123456789abcdef0123456789abcdef-2", PartsCount = 2 };

        (await Store.CompleteMultipartUploadAsync(upload.UploadId, obj, T0, null, Ct)).Recorded.ShouldBeTrue();

        ShouldMatch(await Store.GetObjectAsync("captures", "big.e57", Ct), obj);
        (await Store.GetMultipartUploadAsync(upload.UploadId, Ct)).ShouldBeNull();
        (await Store.ListPartsAsync(upload.UploadId, 0, 100, Ct)).ShouldBeEmpty();
        (await Store.ListMultipartUploadsAsync("captures", "", null, null, 100, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CompleteMultipartUpload_ReplacesAnExistingObject()
    {
        await Store.PutObjectAsync(NewObject("captures", "k", 1, headers: SomeHeaders()) with { Checksum = new ChecksumValue(ChecksumAlgorithm.Crc32, "AAAAAA==") }, T0, null, Ct);
        var upload = await AddUploadAsync("captures", "k");
        var obj = NewObject("captures", "k", 2, At(5)) with { ETag = "ffffffffffffffffffffffffffffffff-1", PartsCount = 1 };

        (await Store.CompleteMultipartUploadAsync(upload.UploadId, obj, T0, null, Ct)).Recorded.ShouldBeTrue();

        ShouldMatch(await Store.GetObjectAsync("captures", "k", Ct), obj);
    }

    [Fact]
    public async Task CompleteMultipartUpload_ReturnsFalseAndChangesNothing_WhenTheUploadIsUnknown()
    {
        var existing = NewObject("captures", "k", 1, headers: SomeHeaders());
        await Store.PutObjectAsync(existing, T0, null, Ct);
        var open = await AddUploadAsync("captures", "k");
        await Store.PutPartAsync(NewPart(open.UploadId, 1), null, Ct);

        (await Store.CompleteMultipartUploadAsync("missing", NewObject("captures", "k", 2), T0, null, Ct)).Recorded.ShouldBeFalse();
        (await Store.CompleteMultipartUploadAsync("missing", NewObject("captures", "new", 2), T0, null, Ct)).Recorded.ShouldBeFalse();

        ShouldMatch(await Store.GetObjectAsync("captures", "k", Ct), existing);
        (await Store.GetObjectAsync("captures", "new", Ct)).ShouldBeNull();
        (await Store.GetMultipartUploadAsync(open.UploadId, Ct)).ShouldNotBeNull();
        (await Store.ListPartsAsync(open.UploadId, 0, 100, Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task CompleteMultipartUpload_SucceedsOnlyOnce()
    {
        var upload = await AddUploadAsync("captures", "k");
        var first = NewObject("captures", "k", 1) with { PartsCount = 1 };

        (await Store.CompleteMultipartUploadAsync(upload.UploadId, first, T0, null, Ct)).Recorded.ShouldBeTrue();
        (await Store.CompleteMultipartUploadAsync(upload.UploadId, first with { Size = 2 }, T0, null, Ct)).Recorded.ShouldBeFalse();

        (await Store.GetObjectAsync("captures", "k", Ct))!.Size.ShouldBe(1);
    }

    [Fact]
    public async Task CompleteMultipartUpload_ConcurrentCompletesOfOneUpload_OnlyOneWins()
    {
        var upload = await AddUploadAsync("captures", "k");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(size =>
            Task.Run(() => Store.CompleteMultipartUploadAsync(upload.UploadId, NewObject("captures", "k", size) with { PartsCount = 1 }, T0, null, Ct))));

        outcomes.Count(won => won.Recorded).ShouldBe(1);
        (await Store.GetObjectAsync("captures", "k", Ct))!.Size.ShouldBe(Array.FindIndex(outcomes, o => o.Recorded) + 1);
    }
}
