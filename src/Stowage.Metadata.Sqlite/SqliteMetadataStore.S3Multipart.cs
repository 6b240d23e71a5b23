using Dapper;
using Microsoft.Data.Sqlite;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IS3Store: open multipart uploads and their parts.
public sealed partial class SqliteMetadataStore
{
    public async Task CreateMultipartUploadAsync(MultipartUploadRecord upload, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO s3_multipart_uploads (upload_id, bucket, key, account_id, initiated, headers, checksum_algorithm, blob_bucket, blob_key)
            VALUES (@UploadId, @Bucket, @Key, @AccountId, @Initiated, @Headers, @ChecksumAlgorithm, @BlobBucket, @BlobKey)
            """, MultipartUploadRow.From(upload), cancellationToken));
    }

    public async Task<MultipartUploadRecord?> GetMultipartUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MultipartUploadRow>(Command(
            $"SELECT {MultipartUploadRow.Columns} FROM s3_multipart_uploads WHERE upload_id = @uploadId", new { uploadId }, cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>
    /// Pages in the contract's order (key, initiation time, upload id). With both markers, the page resumes
    /// right after the marker upload; if that upload is gone (completed or aborted meanwhile), it falls back
    /// to S3's documented rule for the marker key: uploads whose id sorts after the marker
    /// (docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html). An upload-id marker without
    /// a key marker is ignored, as S3 ignores it.
    /// </summary>
    public async Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsAsync(string bucket, string prefix, string? keyMarker, string? uploadIdMarker, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var resumeWithinKey = keyMarker is not null && uploadIdMarker is not null;
        var bounds = S3KeyBounds.For("key", prefix, keyMarker, markerInclusive: resumeWithinKey);
        await using var connection = await OpenAsync(cancellationToken);
        var markerInitiated = resumeWithinKey
            ? await connection.ExecuteScalarAsync<long?>(Command(
                "SELECT initiated FROM s3_multipart_uploads WHERE upload_id = @uploadIdMarker AND bucket = @bucket AND key = @keyMarker",
                new { uploadIdMarker, bucket, keyMarker }, cancellationToken))
            : null;
        var rows = await connection.QueryAsync<MultipartUploadRow>(Command(
            ListUploadsSql(bounds, resumeWithinKey, markerFound: markerInitiated is not null),
            new { bucket, lower = bounds.Lower, upper = bounds.Upper, keyMarker, uploadIdMarker, markerInitiated, limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>Oldest first; its plan (a SEARCH of s3_multipart_uploads_by_initiated, no sort) is checked by the tests.</summary>
    internal static readonly string ListInitiatedBySql =
        $"SELECT {MultipartUploadRow.Columns} FROM s3_multipart_uploads WHERE initiated <= @initiatedBy ORDER BY initiated, upload_id LIMIT @limit";

    public async Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsInitiatedByAsync(DateTimeOffset initiatedBy, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MultipartUploadRow>(Command(
            ListInitiatedBySql, new { initiatedBy = UnixMillis.From(initiatedBy), limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>The listing query; its plan (a SEARCH of s3_multipart_uploads_by_key, no sort) is checked by the tests.</summary>
    internal static string ListUploadsSql(S3KeyBounds bounds, bool resumeWithinKey, bool markerFound)
    {
        var withinKey = !resumeWithinKey
            ? ""
            : markerFound
                ? " AND (key > @keyMarker OR (initiated, upload_id) > (@markerInitiated, @uploadIdMarker))"
                : " AND (key > @keyMarker OR upload_id > @uploadIdMarker)";
        return $"""
            SELECT {MultipartUploadRow.Columns} FROM s3_multipart_uploads
            WHERE bucket = @bucket AND {bounds.Sql}{withinKey}
            ORDER BY key, initiated, upload_id LIMIT @limit
            """;
    }

    public Task<ObjectRecordOutcome> PutPartAsync(PartRecord part, long? quotaBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);

        // BEGIN IMMEDIATE: the upload's existence, the part it replaces and the account's usage are read under the
        // write lock, so concurrent parts cannot together pass the quota, nor a part land in a deleted upload.
        return WriteAsync(async (connection, transaction) =>
        {
            var bucket = await connection.ExecuteScalarAsync<string?>(Command(
                "SELECT bucket FROM s3_multipart_uploads WHERE upload_id = @UploadId", new { part.UploadId }, cancellationToken, transaction));
            if (bucket is null)
            {
                return ObjectRecordOutcome.UploadGone;
            }

            var previous = await connection.ExecuteScalarAsync<long?>(Command(
                "SELECT size FROM s3_parts WHERE upload_id = @UploadId AND part_number = @PartNumber", new { part.UploadId, part.PartNumber }, cancellationToken, transaction));
            var growth = part.Size - (previous ?? 0);
            if (quotaBytes is { } quota && growth > 0 && await WouldExceedAsync(connection, transaction, bucket, growth, quota, cancellationToken))
            {
                return ObjectRecordOutcome.QuotaExceeded;
            }

            await connection.ExecuteAsync(Command(
                """
                INSERT INTO s3_parts (upload_id, part_number, size, etag, checksum_algorithm, checksum_value, last_modified)
                VALUES (@UploadId, @PartNumber, @Size, @ETag, @ChecksumAlgorithm, @ChecksumValue, @LastModified)
                ON CONFLICT (upload_id, part_number) DO UPDATE SET
                    size = excluded.size, etag = excluded.etag, checksum_algorithm = excluded.checksum_algorithm,
                    checksum_value = excluded.checksum_value, last_modified = excluded.last_modified
                """, PartRow.From(part), cancellationToken, transaction));
            await AddPartsBytesAsync(connection, transaction, bucket, growth, cancellationToken);
            return ObjectRecordOutcome.Recorded;
        }, cancellationToken);
    }

    public Task<bool> DeletePartAsync(string uploadId, int partNumber, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var deleted = await connection.QuerySingleOrDefaultAsync<(string Bucket, long Size)?>(Command(
                """
                DELETE FROM s3_parts WHERE upload_id = @uploadId AND part_number = @partNumber
                RETURNING (SELECT bucket FROM s3_multipart_uploads WHERE upload_id = @uploadId), size
                """, new { uploadId, partNumber }, cancellationToken, transaction));
            if (deleted is not { } part)
            {
                return false;
            }

            await AddPartsBytesAsync(connection, transaction, part.Bucket, -part.Size, cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<PartRecord>> ListPartsAsync(string uploadId, int afterPartNumber, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PartRow>(Command(
            $"SELECT {PartRow.Columns} FROM s3_parts WHERE upload_id = @uploadId AND part_number > @afterPartNumber ORDER BY part_number LIMIT @limit",
            new { uploadId, afterPartNumber, limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public Task<ObjectReplacement> CompleteMultipartUploadAsync(string uploadId, S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);

        // BEGIN IMMEDIATE: the upload's existence decides the outcome, and the object is written and the upload
        // deleted together under the write lock, so two completes of one upload cannot both succeed.
        return WriteAsync(async (connection, transaction) =>
        {
            var open = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM s3_multipart_uploads WHERE upload_id = @uploadId", new { uploadId }, cancellationToken, transaction));
            if (open == 0)
            {
                return new ObjectReplacement(ObjectRecordOutcome.UploadGone, null);
            }

            // The object takes the place of all the upload's parts (compose drops the unlisted ones): their bytes are
            // released in the same quota check. A refused quota writes nothing, and the upload stays open to be
            // aborted (or completed once there is room).
            var parts = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COALESCE(SUM(size), 0) FROM s3_parts WHERE upload_id = @uploadId", new { uploadId }, cancellationToken, transaction));
            var outcome = await ReplaceObjectAsync(connection, transaction, obj, now, quotaBytes, parts, cancellationToken);
            if (outcome.Recorded)
            {
                await DeleteUploadAsync(connection, transaction, uploadId, cancellationToken);
            }

            return outcome;
        }, cancellationToken);
    }

    public Task<MultipartUploadRecord?> DeleteMultipartUploadAsync(string uploadId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var upload = await DeleteUploadAsync(connection, transaction, uploadId, cancellationToken);
            if (upload is not null)
            {
                await ListReclaimAsync(connection, transaction, new BlobReclaim(upload.Blob, upload.UploadId, now), cancellationToken);
            }

            return upload;
        }, cancellationToken);

    /// <summary>
    /// Deletes the parts explicitly rather than through ON DELETE CASCADE alone, so the outcome does not hang
    /// on the connection's foreign_keys pragma, and takes their sizes off the bucket's parts_bytes. Returns the
    /// deleted upload, or null.
    /// </summary>
    private static async Task<MultipartUploadRecord?> DeleteUploadAsync(SqliteConnection connection, SqliteTransaction transaction, string uploadId, CancellationToken cancellationToken)
    {
        var parts = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COALESCE(SUM(size), 0) FROM s3_parts WHERE upload_id = @uploadId", new { uploadId }, cancellationToken, transaction));
        await connection.ExecuteAsync(Command("DELETE FROM s3_parts WHERE upload_id = @uploadId", new { uploadId }, cancellationToken, transaction));
        var row = await connection.QuerySingleOrDefaultAsync<MultipartUploadRow>(Command(
            $"DELETE FROM s3_multipart_uploads WHERE upload_id = @uploadId RETURNING {MultipartUploadRow.Columns}", new { uploadId }, cancellationToken, transaction));
        if (row is null)
        {
            return null;
        }

        await AddPartsBytesAsync(connection, transaction, row.Bucket, -parts, cancellationToken);
        return row.ToRecord();
    }

    private static Task<int> AddPartsBytesAsync(SqliteConnection connection, SqliteTransaction transaction, string bucket, long delta, CancellationToken cancellationToken) =>
        delta == 0
            ? Task.FromResult(0)
            : connection.ExecuteAsync(Command("UPDATE s3_buckets SET parts_bytes = parts_bytes + @delta WHERE name = @bucket", new { bucket, delta }, cancellationToken, transaction));
}
