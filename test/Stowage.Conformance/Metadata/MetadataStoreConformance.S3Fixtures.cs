using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Core.Storage;

namespace Stowage.Conformance.Metadata;

// Builders and comparisons for the IS3Store tests.
public abstract partial class MetadataStoreConformance
{
    protected static IReadOnlyDictionary<string, string> SomeHeaders() => new Dictionary<string, string>
    {
        ["content-type"] = "image/x-canon-cr3",
        ["cache-control"] = "no-cache",
        ["x-amz-meta-camera"] = "EOS R5 \"Mark II\"",
        ["x-amz-meta-lieu"] = "Montréal ✓ 😀",
        ["x-amz-meta-empty"] = "",
    };

    protected static S3ObjectRecord NewObject(string bucket, string key, long size = 42, DateTimeOffset? lastModified = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(bucket, key, size, "9e107d9d372bb6826bd81d3542a419d6", lastModified ?? T0, headers ?? new Dictionary<string, string>(), null, null, NewBlob());

    /// <summary>A fresh blob address, as the core's BlobAllocator makes one per write.</summary>
    protected static ObjectRef NewBlob() => new("stowage", "objects/" + NewId("blob"));

    protected static MultipartUploadRecord NewUpload(string bucket, string key, DateTimeOffset? initiated = null, string? uploadId = null, IReadOnlyDictionary<string, string>? headers = null, ChecksumAlgorithm? checksumAlgorithm = null) =>
        new(uploadId ?? NewId("mpu"), bucket, key, "acct-s3", initiated ?? T0, headers ?? new Dictionary<string, string>(), checksumAlgorithm, NewBlob());

    protected static PartRecord NewPart(string uploadId, int partNumber, long size = 5 * 1024 * 1024, string? etag = null, ChecksumValue? checksum = null, DateTimeOffset? lastModified = null) =>
        new(uploadId, partNumber, size, etag ?? $"{partNumber:x32}", checksum, lastModified ?? T0);

    protected async Task<MultipartUploadRecord> AddUploadAsync(string bucket, string key, DateTimeOffset? initiated = null, string? uploadId = null)
    {
        var upload = NewUpload(bucket, key, initiated, uploadId);
        await Store.CreateMultipartUploadAsync(upload, Ct);
        return upload;
    }

    /// <summary>Puts objects with the given keys into a bucket (a new one unless named).</summary>
    protected async Task<string> AddObjectsAsync(IEnumerable<string> keys, string? bucket = null)
    {
        bucket ??= NewId("bucket");
        foreach (var key in keys)
        {
            await Store.PutObjectAsync(NewObject(bucket, key), T0, null, Ct);
        }

        return bucket;
    }

    protected static void ShouldMatch(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> expected)
    {
        actual.OrderBy(h => h.Key, StringComparer.Ordinal).ShouldBe(expected.OrderBy(h => h.Key, StringComparer.Ordinal));
    }

    protected static void ShouldMatch(S3ObjectRecord? actual, S3ObjectRecord expected)
    {
        actual.ShouldNotBeNull();
        ShouldMatch(actual.Headers, expected.Headers);
        (actual with { Headers = expected.Headers }).ShouldBe(expected);
    }

    protected static void ShouldMatch(MultipartUploadRecord? actual, MultipartUploadRecord expected)
    {
        actual.ShouldNotBeNull();
        ShouldMatch(actual.Headers, expected.Headers);
        (actual with { Headers = expected.Headers }).ShouldBe(expected);
    }
}
