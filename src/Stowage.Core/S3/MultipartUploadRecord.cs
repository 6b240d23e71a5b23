using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>
/// An open multipart upload. <paramref name="Headers"/> are the representation headers given at
/// creation (they become the object's); <paramref name="ChecksumAlgorithm"/> is the one named by
/// <c>x-amz-checksum-algorithm</c>, if any.
/// </summary>
public sealed record MultipartUploadRecord(
    string UploadId,
    string Bucket,
    string Key,
    string AccountId,
    DateTimeOffset Initiated,
    IReadOnlyDictionary<string, string> Headers,
    ChecksumAlgorithm? ChecksumAlgorithm);
