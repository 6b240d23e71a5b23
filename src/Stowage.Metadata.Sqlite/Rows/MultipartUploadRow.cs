using Stowage.Core.S3;
using Stowage.Core.Storage;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The s3_multipart_uploads table as Dapper binds and reads it.</summary>
internal sealed class MultipartUploadRow
{
    public const string Columns =
        "upload_id AS UploadId, bucket AS Bucket, key AS Key, account_id AS AccountId, initiated AS Initiated, " +
        "headers AS Headers, checksum_algorithm AS ChecksumAlgorithm, blob_bucket AS BlobBucket, blob_key AS BlobKey";

    public string UploadId { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";
    public string AccountId { get; set; } = "";
    public long Initiated { get; set; }
    public string Headers { get; set; } = "{}";
    public string? ChecksumAlgorithm { get; set; }
    public string BlobBucket { get; set; } = "";
    public string BlobKey { get; set; } = "";

    public static MultipartUploadRow From(MultipartUploadRecord upload) => new()
    {
        UploadId = upload.UploadId,
        Bucket = upload.Bucket,
        Key = upload.Key,
        AccountId = upload.AccountId,
        Initiated = UnixMillis.From(upload.Initiated),
        Headers = S3Headers.ToJson(upload.Headers),
        ChecksumAlgorithm = ChecksumColumns.Algorithm(upload.ChecksumAlgorithm),
        BlobBucket = upload.Blob.Bucket,
        BlobKey = upload.Blob.Key,
    };

    public MultipartUploadRecord ToRecord() => new(
        UploadId, Bucket, Key, AccountId, UnixMillis.To(Initiated), S3Headers.FromJson(Headers), ChecksumColumns.Algorithm(ChecksumAlgorithm),
        new ObjectRef(BlobBucket, BlobKey));
}
