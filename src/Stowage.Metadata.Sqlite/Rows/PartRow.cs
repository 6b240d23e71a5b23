using Stowage.Core.S3;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The s3_parts table as Dapper binds and reads it.</summary>
internal sealed class PartRow
{
    public const string Columns =
        "upload_id AS UploadId, part_number AS PartNumber, size AS Size, etag AS ETag, " +
        "checksum_algorithm AS ChecksumAlgorithm, checksum_value AS ChecksumValue, last_modified AS LastModified";

    public string UploadId { get; set; } = "";
    public long PartNumber { get; set; }
    public long Size { get; set; }
    public string ETag { get; set; } = "";
    public string? ChecksumAlgorithm { get; set; }
    public string? ChecksumValue { get; set; }
    public long LastModified { get; set; }

    public static PartRow From(PartRecord part) => new()
    {
        UploadId = part.UploadId,
        PartNumber = part.PartNumber,
        Size = part.Size,
        ETag = part.ETag,
        ChecksumAlgorithm = ChecksumColumns.Algorithm(part.Checksum?.Algorithm),
        ChecksumValue = part.Checksum?.Base64,
        LastModified = UnixMillis.From(part.LastModified),
    };

    public PartRecord ToRecord() => new(
        UploadId, checked((int)PartNumber), Size, ETag, ChecksumColumns.Value(ChecksumAlgorithm, ChecksumValue), UnixMillis.To(LastModified));
}
