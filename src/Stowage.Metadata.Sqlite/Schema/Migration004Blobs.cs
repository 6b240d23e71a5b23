namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// Objects and blobs apart (issue "One core under every protocol"): an S3 object's record names the blob that
/// holds its bytes, a new one per write, in Stowage's internal namespace; an open multipart upload names the
/// blob it composes into. Rows from before keep their bytes where they are: their blob is the old address,
/// the bucket and key themselves. <c>blob_reclaims</c> lists every blob that no record is to keep: bytes of
/// replaced or deleted objects, writes that have not recorded their object yet (due when they count as
/// abandoned), aborted uploads with their parts (<c>upload_id</c> set). <c>s3_buckets.used_bytes</c> is the
/// size of the bucket's objects, for the account's usage.
/// </summary>
internal static class Migration004Blobs
{
    public const string Sql = """
        -- Before this step an S3 bucket named like the internal blob bucket (@internalBucket: Stowage:Uploads:Bucket,
        -- 'stowage' by default) shared its keys with session and project files: such an object under sessions/ or
        -- projects/ had no bytes of its own, only another account's (the takeover this step ends). Those rows, and open
        -- uploads that would compose there, are dropped rather than kept pointing at bytes that are not theirs. A bucket
        -- of any other name ('stowage' too, when the internal one is called otherwise) had bytes of its own: it stays.
        DELETE FROM s3_objects WHERE bucket = @internalBucket AND (substr(key, 1, 9) = 'sessions/' OR substr(key, 1, 9) = 'projects/');
        DELETE FROM s3_parts WHERE upload_id IN (SELECT upload_id FROM s3_multipart_uploads
            WHERE bucket = @internalBucket AND (substr(key, 1, 9) = 'sessions/' OR substr(key, 1, 9) = 'projects/'));
        DELETE FROM s3_multipart_uploads WHERE bucket = @internalBucket AND (substr(key, 1, 9) = 'sessions/' OR substr(key, 1, 9) = 'projects/');

        ALTER TABLE s3_objects ADD COLUMN blob_bucket TEXT NOT NULL DEFAULT '';
        ALTER TABLE s3_objects ADD COLUMN blob_key TEXT NOT NULL DEFAULT '';
        UPDATE s3_objects SET blob_bucket = bucket, blob_key = key;

        ALTER TABLE s3_multipart_uploads ADD COLUMN blob_bucket TEXT NOT NULL DEFAULT '';
        ALTER TABLE s3_multipart_uploads ADD COLUMN blob_key TEXT NOT NULL DEFAULT '';
        UPDATE s3_multipart_uploads SET blob_bucket = bucket, blob_key = key;

        CREATE TABLE blob_reclaims (
            blob_bucket TEXT    NOT NULL,
            blob_key    TEXT    NOT NULL,
            upload_id   TEXT,
            due         INTEGER NOT NULL,
            PRIMARY KEY (blob_bucket, blob_key)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX blob_reclaims_by_due ON blob_reclaims (due);

        -- S3 objects count toward their bucket's account's usage: kept per bucket in the transactions that
        -- write and delete object records, so a quota check reads one row per bucket, never every object.
        ALTER TABLE s3_buckets ADD COLUMN used_bytes INTEGER NOT NULL DEFAULT 0 CHECK (used_bytes >= 0);
        UPDATE s3_buckets SET used_bytes = (SELECT COALESCE(SUM(size), 0) FROM s3_objects WHERE s3_objects.bucket = s3_buckets.name);
        """;
}
