using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>One stored part of a multipart upload. <paramref name="ETag"/> is the part's MD5 hex, unquoted.</summary>
public sealed record PartRecord(string UploadId, int PartNumber, long Size, string ETag, ChecksumValue? Checksum, DateTimeOffset LastModified);
