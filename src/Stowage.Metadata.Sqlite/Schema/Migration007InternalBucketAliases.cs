namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// What <see cref="Migration004Blobs"/> meant to drop, for the databases that ran it while it assumed the internal
/// blob bucket was called 'stowage': with another <c>Stowage:Uploads:Bucket</c>, an S3 bucket named like that one kept
/// its objects and open uploads under sessions/ and projects/, and since step 4 gives such a row its old address as
/// its blob, they still read, and on deletion reclaim, other accounts' session and project files. They are exactly
/// the rows of that bucket whose blob is their own bucket and key under those prefixes (new writes always get blobs
/// under objects/). The bucket's usage is counted again without them. Nothing matches in a database that step 4
/// migrated with the right name.
/// </summary>
internal static class Migration007InternalBucketAliases
{
    public const string Sql = """
        DELETE FROM s3_objects WHERE bucket = @internalBucket AND blob_bucket = bucket AND blob_key = key
            AND (substr(key, 1, 9) = 'sessions/' OR substr(key, 1, 9) = 'projects/');
        DELETE FROM s3_parts WHERE upload_id IN (SELECT upload_id FROM s3_multipart_uploads
            WHERE bucket = @internalBucket AND blob_bucket = bucket AND blob_key = key
                AND (substr(key, 1, 9) = 'sessions/' OR substr(key, 1, 9) = 'projects/'));
        DELETE FROM s3_multipart_uploads WHERE bucket = @internalBucket AND blob_bucket = bucket AND blob_key = key
            AND (substr(key, 1, 9) = 'sessions/' OR substr(key, 1, 9) = 'projects/');
        UPDATE s3_buckets SET
            used_bytes = (SELECT COALESCE(SUM(size), 0) FROM s3_objects WHERE s3_objects.bucket = s3_buckets.name),
            parts_bytes = (SELECT COALESCE(SUM(p.size), 0) FROM s3_parts p
                JOIN s3_multipart_uploads u ON u.upload_id = p.upload_id WHERE u.bucket = s3_buckets.name)
            WHERE name = @internalBucket;
        """;
}
