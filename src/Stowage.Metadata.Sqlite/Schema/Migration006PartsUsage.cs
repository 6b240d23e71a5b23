namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// The parts of open multipart uploads count toward their bucket's account's usage (docs/protocols/s3.md,
/// "Quotas"): they hold disk space until the upload is completed or aborted, so without this an account could park
/// any number of bytes in uploads it never completes. <c>s3_buckets.parts_bytes</c> is the size of the parts of the
/// bucket's open uploads, kept in the transactions that record and delete parts, as <c>used_bytes</c> is for
/// objects, so a quota check still reads one row per bucket.
/// </summary>
internal static class Migration006PartsUsage
{
    public const string Sql = """
        ALTER TABLE s3_buckets ADD COLUMN parts_bytes INTEGER NOT NULL DEFAULT 0 CHECK (parts_bytes >= 0);
        UPDATE s3_buckets SET parts_bytes = (SELECT COALESCE(SUM(p.size), 0) FROM s3_parts p
            JOIN s3_multipart_uploads u ON u.upload_id = p.upload_id WHERE u.bucket = s3_buckets.name);
        """;
}
