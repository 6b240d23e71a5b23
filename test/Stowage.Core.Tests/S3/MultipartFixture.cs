using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>Shortcuts for the multipart tests: an open upload and parts uploaded into it.</summary>
internal static class MultipartFixture
{
    public const string Key = "videos/walkthrough.mp4";

    public static async Task<MultipartUploadRecord> StartAsync(S3Harness h, S3Bucket bucket, ChecksumAlgorithm? algorithm = null, string key = Key, IReadOnlyDictionary<string, string>? headers = null) =>
        (await h.Multipart.CreateAsync(bucket, key, bucket.AccountId, headers ?? new Dictionary<string, string>(), algorithm, S3Harness.Ct)).ShouldSucceed();

    public static async Task<PartRecord> UploadAsync(S3Harness h, S3Bucket bucket, MultipartUploadRecord upload, int partNumber, byte[] content, ObjectWrite? write = null) =>
        (await h.Multipart.UploadPartAsync(bucket, upload.Key, upload.UploadId, partNumber, new MemoryStream(content), content.Length, write ?? ObjectWrite.Plain, S3Harness.Ct)).ShouldSucceed();

    public static CompletedPart Listed(PartRecord part) => new(part.PartNumber, "\"" + part.ETag + "\"", null);
}
