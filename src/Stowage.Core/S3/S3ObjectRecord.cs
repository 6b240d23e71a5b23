using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>
/// What the S3 endpoint knows of an object besides its bytes (which are the blob at Bucket/Key).
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
    int? PartsCount);
