using Stowage.Core.S3;
using Stowage.Core.Storage;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The s3_objects table as Dapper binds and reads it; headers are a JSON object, the checksum two columns.</summary>
internal sealed class S3ObjectRow
{
    public const string Columns =
        "bucket AS Bucket, key AS Key, size AS Size, etag AS ETag, last_modified AS LastModified, headers AS Headers, " +
        "checksum_algorithm AS ChecksumAlgorithm, checksum_value AS ChecksumValue, parts_count AS PartsCount, " +
        "blob_bucket AS BlobBucket, blob_key AS BlobKey";

    public const string Insert = """
        INSERT INTO s3_objects (bucket, key, size, etag, last_modified, headers, checksum_algorithm, checksum_value, parts_count, blob_bucket, blob_key)
        VALUES (@Bucket, @Key, @Size, @ETag, @LastModified, @Headers, @ChecksumAlgorithm, @ChecksumValue, @PartsCount, @BlobBucket, @BlobKey)
        ON CONFLICT (bucket, key) DO UPDATE SET
            size = excluded.size, etag = excluded.etag, last_modified = excluded.last_modified, headers = excluded.headers,
            checksum_algorithm = excluded.checksum_algorithm, checksum_value = excluded.checksum_value, parts_count = excluded.parts_count,
            blob_bucket = excluded.blob_bucket, blob_key = excluded.blob_key
        """;

    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";
    public long Size { get; set; }
    public string ETag { get; set; } = "";
    public long LastModified { get; set; }
    public string Headers { get; set; } = "{}";
    public string? ChecksumAlgorithm { get; set; }
    public string? ChecksumValue { get; set; }
    public long? PartsCount { get; set; }
    public string BlobBucket { get; set; } = "";
    public string BlobKey { get; set; } = "";

    public static S3ObjectRow From(S3ObjectRecord obj) => new()
    {
        Bucket = obj.Bucket,
        Key = obj.Key,
        Size = obj.Size,
        ETag = obj.ETag,
        LastModified = UnixMillis.From(obj.LastModified),
        Headers = S3Headers.ToJson(obj.Headers),
        ChecksumAlgorithm = ChecksumColumns.Algorithm(obj.Checksum?.Algorithm),
        ChecksumValue = obj.Checksum?.Base64,
        PartsCount = obj.PartsCount,
        BlobBucket = obj.Blob.Bucket,
        BlobKey = obj.Blob.Key,
    };

    public S3ObjectRecord ToRecord() => new(
        Bucket, Key, Size, ETag, UnixMillis.To(LastModified), S3Headers.FromJson(Headers),
        ChecksumColumns.Value(ChecksumAlgorithm, ChecksumValue), PartsCount is { } n ? checked((int)n) : null,
        new ObjectRef(BlobBucket, BlobKey));
}
