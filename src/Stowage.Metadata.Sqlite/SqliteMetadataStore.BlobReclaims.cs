using Dapper;
using Microsoft.Data.Sqlite;
using Stowage.Core.Storage;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IBlobReclaimStore: blobs no record is to keep (see Migration004Blobs).
public sealed partial class SqliteMetadataStore
{
    public Task AddBlobReclaimAsync(BlobReclaim reclaim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reclaim);
        return WriteAsync(async (connection, transaction) =>
        {
            await ListReclaimAsync(connection, transaction, reclaim, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Oldest first; its plan (a SEARCH of blob_reclaims_by_due, no sort) is checked by the tests.</summary>
    internal const string ListDueReclaimsSql =
        "SELECT blob_bucket AS BlobBucket, blob_key AS BlobKey, upload_id AS UploadId, due AS Due FROM blob_reclaims " +
        "WHERE due <= @now ORDER BY due LIMIT @limit";

    public async Task<IReadOnlyList<BlobReclaim>> ListDueBlobReclaimsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BlobReclaimRow>(Command(ListDueReclaimsSql, new { now = UnixMillis.From(now), limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<bool> RemoveBlobReclaimAsync(ObjectRef blob, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(
            "DELETE FROM blob_reclaims WHERE blob_bucket = @Bucket AND blob_key = @Key", new { blob.Bucket, blob.Key }, cancellationToken)) == 1;
    }

    /// <summary>Inside a write transaction: lists the blob, keeping the earlier due time when it is listed already.</summary>
    private static Task<int> ListReclaimAsync(SqliteConnection connection, SqliteTransaction transaction, BlobReclaim reclaim, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            """
            INSERT INTO blob_reclaims (blob_bucket, blob_key, upload_id, due) VALUES (@BlobBucket, @BlobKey, @UploadId, @Due)
            ON CONFLICT (blob_bucket, blob_key) DO UPDATE SET
                due = min(due, excluded.due), upload_id = coalesce(excluded.upload_id, upload_id)
            """, BlobReclaimRow.From(reclaim), cancellationToken, transaction));

    /// <summary>Inside a write transaction: the blob is an object's now, so nothing may reclaim it.</summary>
    private static Task<int> UnlistReclaimAsync(SqliteConnection connection, SqliteTransaction transaction, ObjectRef blob, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            "DELETE FROM blob_reclaims WHERE blob_bucket = @Bucket AND blob_key = @Key", new { blob.Bucket, blob.Key }, cancellationToken, transaction));
}
