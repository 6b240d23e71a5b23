using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: object records (get, put, replace, delete).
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetObject_ReturnsEveryField_AsPut()
    {
        var obj = new S3ObjectRecord("captures", "2026/site-7/IMG_0001.CR3", 123_456_789_012, "d41d8cd98f00b204e9800998ecf8427e-12",
            At(7), SomeHeaders(), new ChecksumValue(ChecksumAlgorithm.Crc32C, "yZRlqg=="), 12, NewBlob());

        await Store.PutObjectAsync(obj, T0, null, Ct);

        ShouldMatch(await Store.GetObjectAsync("captures", "2026/site-7/IMG_0001.CR3", Ct), obj);
    }

    [Fact]
    public async Task GetObject_KeepsNullsAndAnEmptyHeaderMap()
    {
        var obj = NewObject("captures", "empty", size: 0);

        await Store.PutObjectAsync(obj, T0, null, Ct);

        var stored = await Store.GetObjectAsync("captures", "empty", Ct);
        ShouldMatch(stored, obj);
        stored!.Headers.ShouldBeEmpty();
        stored.Checksum.ShouldBeNull();
        stored.PartsCount.ShouldBeNull();
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, "AAAAAA==")]
    [InlineData(ChecksumAlgorithm.Crc32C, "yZRlqg==")]
    [InlineData(ChecksumAlgorithm.Crc64Nvme, "AAAAAAAAAAA=")]
    [InlineData(ChecksumAlgorithm.Sha1, "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")]
    [InlineData(ChecksumAlgorithm.Sha256, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")]
    public async Task GetObject_RoundTripsEveryChecksumAlgorithm(ChecksumAlgorithm algorithm, string base64)
    {
        var obj = NewObject("captures", "k") with { Checksum = new ChecksumValue(algorithm, base64) };

        await Store.PutObjectAsync(obj, T0, null, Ct);

        (await Store.GetObjectAsync("captures", "k", Ct))!.Checksum.ShouldBe(new ChecksumValue(algorithm, base64));
    }

    [Fact]
    public async Task GetObject_ReturnsNull_ForAnotherBucketOrKey_AndComparesKeysExactly()
    {
        await Store.PutObjectAsync(NewObject("captures", "Scan.e57"), T0, null, Ct);

        (await Store.GetObjectAsync("captures", "scan.e57", Ct)).ShouldBeNull();
        (await Store.GetObjectAsync("captures", "Scan.e5", Ct)).ShouldBeNull();
        (await Store.GetObjectAsync("other", "Scan.e57", Ct)).ShouldBeNull();
        (await Store.GetObjectAsync("captures", "Scan.e57", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task PutObject_ReplacesEveryFieldOfAnExistingRecord()
    {
        await Store.PutObjectAsync(
            NewObject("captures", "k", size: 10, headers: SomeHeaders()) with { Checksum = new ChecksumValue(ChecksumAlgorithm.Sha1, "2jmj7l5rSw0yVb/vlWAYkK/YBwk="), PartsCount = 3 },
            T0,
            null,
            Ct);
        var replacement = NewObject("captures", "k", size: 20, lastModified: At(60), headers: new Dictionary<string, string> { ["content-type"] = "text/plain" });

        await Store.PutObjectAsync(replacement, T0, null, Ct);

        ShouldMatch(await Store.GetObjectAsync("captures", "k", Ct), replacement);
        (await Store.ListObjectsAsync("captures", "", null, 10, Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeleteObject_RemovesOnlyThatRecord_AndReturnsFalseTheSecondTime()
    {
        await Store.PutObjectAsync(NewObject("captures", "a"), T0, null, Ct);
        await Store.PutObjectAsync(NewObject("captures", "b"), T0, null, Ct);
        await Store.PutObjectAsync(NewObject("other", "a"), T0, null, Ct);

        (await Store.DeleteObjectAsync("captures", "a", T0, Ct)).ShouldNotBeNull();
        (await Store.DeleteObjectAsync("captures", "a", T0, Ct)).ShouldBeNull();
        (await Store.DeleteObjectAsync("captures", "never", T0, Ct)).ShouldBeNull();

        (await Store.GetObjectAsync("captures", "a", Ct)).ShouldBeNull();
        (await Store.GetObjectAsync("captures", "b", Ct)).ShouldNotBeNull();
        (await Store.GetObjectAsync("other", "a", Ct)).ShouldNotBeNull();
    }
}
