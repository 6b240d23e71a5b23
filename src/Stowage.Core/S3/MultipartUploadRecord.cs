using Stowage.Core.Checksums;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// An open multipart upload. <paramref name="Headers"/> are the representation headers given at
/// creation (they become the object's); <paramref name="ChecksumAlgorithm"/> is the one named by
/// <c>x-amz-checksum-algorithm</c>, if any. <paramref name="Blob"/> is the blob chosen at creation that the parts
/// are stored beside and composed into on completion, then the object's.
/// </summary>
public sealed record MultipartUploadRecord(
    string UploadId,
    string Bucket,
    string Key,
    string AccountId,
    DateTimeOffset Initiated,
    IReadOnlyDictionary<string, string> Headers,
    ChecksumAlgorithm? ChecksumAlgorithm,
    ObjectRef Blob);
