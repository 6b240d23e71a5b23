using Stowage.Core.Checksums;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// What the S3 endpoint knows of an object besides its bytes, which are the blob <paramref name="Blob"/>: a blob
/// of its own per write in Stowage's internal namespace (<see cref="BlobAllocator"/>), never an address made
/// of the client's bucket and key.
/// <paramref name="ETag"/> is unquoted: MD5 hex, or <c>md5-of-md5s-N</c> for a multipart object.
/// <paramref name="Headers"/> are the stored representation headers, lowercase names
/// (content-type, content-encoding, content-disposition, cache-control, content-language, expires, x-amz-meta-*).
/// </summary>
public sealed record S3ObjectRecord(
    string Bucket,
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Headers,
    ChecksumValue? Checksum,
    int? PartsCount,
    ObjectRef Blob);
