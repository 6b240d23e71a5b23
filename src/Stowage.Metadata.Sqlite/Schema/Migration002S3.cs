namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// The S3 endpoint's tables (issue 3), with <see cref="Migration001Initial"/>'s conventions.
/// <para>
/// Object keys, bucket names and upload ids are TEXT in a UTF-8 database (SQLite's default encoding, and
/// <c>PRAGMA encoding</c> cannot change once the file exists; the tests assert it), compared with the
/// BINARY collation, which is memcmp over the stored UTF-8 bytes (https://sqlite.org/datatype3.html#collation).
/// That is exactly S3's listing order, "UTF-8 character encoding in lexicographical order"
/// (docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html). No column here may get NOCASE or
/// another collation, and keys must never be stored as BLOB or compared through LIKE.
/// </para>
/// <para>
/// No foreign keys to accounts or buckets: buckets and keys may name accounts that live in configuration,
/// and the core checks a bucket exists before it writes an object. Parts do reference their upload, so
/// dropping an upload drops its parts.
/// </para>
/// </summary>
internal static class Migration002S3
{
    public const string Sql = """
        CREATE TABLE s3_buckets (
            name       TEXT    NOT NULL PRIMARY KEY,
            account_id TEXT    NOT NULL,
            created    INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX s3_buckets_by_account ON s3_buckets (account_id, name);

        -- The secret itself, not a hash: SigV4 is an HMAC keyed with it.
        CREATE TABLE s3_access_keys (
            access_key_id     TEXT    NOT NULL PRIMARY KEY,
            secret_access_key TEXT    NOT NULL,
            account_id        TEXT    NOT NULL,
            created           INTEGER NOT NULL,
            revoked           INTEGER
        ) STRICT;
        CREATE INDEX s3_access_keys_by_account ON s3_access_keys (account_id, created);

        -- WITHOUT ROWID clusters the rows on (bucket, key), so a listing page is one range scan of the
        -- table itself. headers is a JSON object of lowercase names to values.
        CREATE TABLE s3_objects (
            bucket             TEXT    NOT NULL,
            key                TEXT    NOT NULL,
            size               INTEGER NOT NULL CHECK (size >= 0),
            etag               TEXT    NOT NULL,
            last_modified      INTEGER NOT NULL,
            headers            TEXT    NOT NULL,
            checksum_algorithm TEXT,
            checksum_value     TEXT,
            parts_count        INTEGER,
            PRIMARY KEY (bucket, key),
            CHECK ((checksum_algorithm IS NULL) = (checksum_value IS NULL))
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE s3_multipart_uploads (
            upload_id          TEXT    NOT NULL PRIMARY KEY,
            bucket             TEXT    NOT NULL,
            key                TEXT    NOT NULL,
            account_id         TEXT    NOT NULL,
            initiated          INTEGER NOT NULL,
            headers            TEXT    NOT NULL,
            checksum_algorithm TEXT
        ) STRICT;
        -- ListMultipartUploads' order (key, initiation time, upload id) within a bucket.
        CREATE INDEX s3_multipart_uploads_by_key ON s3_multipart_uploads (bucket, key, initiated, upload_id);

        CREATE TABLE s3_parts (
            upload_id          TEXT    NOT NULL REFERENCES s3_multipart_uploads (upload_id) ON DELETE CASCADE,
            part_number        INTEGER NOT NULL CHECK (part_number >= 1),
            size               INTEGER NOT NULL CHECK (size >= 0),
            etag               TEXT    NOT NULL,
            checksum_algorithm TEXT,
            checksum_value     TEXT,
            last_modified      INTEGER NOT NULL,
            PRIMARY KEY (upload_id, part_number),
            CHECK ((checksum_algorithm IS NULL) = (checksum_value IS NULL))
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE server_secrets (
            name  TEXT NOT NULL PRIMARY KEY,
            value BLOB NOT NULL
        ) STRICT;
        """;
}
