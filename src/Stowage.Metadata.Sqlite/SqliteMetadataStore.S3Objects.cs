using Dapper;
using Microsoft.Data.Sqlite;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IS3Store: the object catalogue. Keys order by their UTF-8 bytes (see Migration002S3 and Utf8KeyRange).
public sealed partial class SqliteMetadataStore
{
    public async Task<S3ObjectRecord?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<S3ObjectRow>(Command(
            $"SELECT {S3ObjectRow.Columns} FROM s3_objects WHERE bucket = @bucket AND key = @key", new { bucket, key }, cancellationToken));
        return row?.ToRecord();
    }

    public Task<ObjectReplacement> PutObjectAsync(S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return WriteAsync((connection, transaction) => ReplaceObjectAsync(connection, transaction, obj, now, quotaBytes, released: 0, cancellationToken), cancellationToken);
    }

    public Task<S3ObjectRecord?> DeleteObjectAsync(string bucket, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<S3ObjectRow>(Command(
                $"DELETE FROM s3_objects WHERE bucket = @bucket AND key = @key RETURNING {S3ObjectRow.Columns}", new { bucket, key }, cancellationToken, transaction));
            if (row is null)
            {
                return null;
            }

            var deleted = row.ToRecord();
            await AddUsedBytesAsync(connection, transaction, bucket, -deleted.Size, cancellationToken);
            await ListReclaimAsync(connection, transaction, new BlobReclaim(deleted.Blob, null, now), cancellationToken);
            return deleted;
        }, cancellationToken);

    /// <summary>
    /// Inside a write transaction: the object's record swap. Reads the record it replaces, checks the quota, writes
    /// the record, moves the bucket's used bytes, takes the new blob off the reclaim list and puts the replaced one
    /// on it (unless it is the same blob: a multipart upload begun before per-write blobs composes into the
    /// object's own old address). <paramref name="released"/> is what the same transaction frees besides (the
    /// completed upload's parts), so the quota is checked against what the account holds afterwards.
    /// </summary>
    private static async Task<ObjectReplacement> ReplaceObjectAsync(SqliteConnection connection, SqliteTransaction transaction, S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, long released, CancellationToken cancellationToken)
    {
        var previous = await connection.QuerySingleOrDefaultAsync<(string Bucket, string Key, long Size)?>(Command(
            "SELECT blob_bucket, blob_key, size FROM s3_objects WHERE bucket = @Bucket AND key = @Key", new { obj.Bucket, obj.Key }, cancellationToken, transaction));
        var growth = obj.Size - (previous?.Size ?? 0);
        if (quotaBytes is { } quota && growth - released > 0
            && await WouldExceedAsync(connection, transaction, obj.Bucket, growth - released, quota, cancellationToken))
        {
            return new ObjectReplacement(ObjectRecordOutcome.QuotaExceeded, null);
        }

        await connection.ExecuteAsync(Command(S3ObjectRow.Insert, S3ObjectRow.From(obj), cancellationToken, transaction));
        await AddUsedBytesAsync(connection, transaction, obj.Bucket, growth, cancellationToken);
        await UnlistReclaimAsync(connection, transaction, obj.Blob, cancellationToken);
        if (previous is not { } old || new ObjectRef(old.Bucket, old.Key) == obj.Blob)
        {
            return new ObjectReplacement(ObjectRecordOutcome.Recorded, null);
        }

        var replaced = new ObjectRef(old.Bucket, old.Key);
        await ListReclaimAsync(connection, transaction, new BlobReclaim(replaced, null, now), cancellationToken);
        return new ObjectReplacement(ObjectRecordOutcome.Recorded, replaced);
    }

    /// <summary>Whether the bucket's account would hold more than <paramref name="quota"/> after growing by <paramref name="growth"/>.</summary>
    private static async Task<bool> WouldExceedAsync(SqliteConnection connection, SqliteTransaction transaction, string bucket, long growth, long quota, CancellationToken cancellationToken)
    {
        var accountId = await connection.ExecuteScalarAsync<string?>(Command(
            "SELECT account_id FROM s3_buckets WHERE name = @bucket", new { bucket }, cancellationToken, transaction));
        return accountId is not null
            && await connection.ExecuteScalarAsync<long>(Command(AccountUsageSql, new { accountId }, cancellationToken, transaction)) + growth > quota;
    }

    private static Task<int> AddUsedBytesAsync(SqliteConnection connection, SqliteTransaction transaction, string bucket, long delta, CancellationToken cancellationToken) =>
        delta == 0
            ? Task.FromResult(0)
            : connection.ExecuteAsync(Command("UPDATE s3_buckets SET used_bytes = used_bytes + @delta WHERE name = @bucket", new { bucket, delta }, cancellationToken, transaction));

    public async Task<IReadOnlyList<S3ObjectRecord>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        // One range scan of the primary key: bucket = ?, then key between the bounds; never LIKE, which
        // treats % and _ in keys as wildcards and folds ASCII case.
        var bounds = S3KeyBounds.For("key", prefix, startAfter, markerInclusive: false);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<S3ObjectRow>(Command(
            ListObjectsSql(bounds), new { bucket, lower = bounds.Lower, upper = bounds.Upper, limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>The listing query; its plan (a SEARCH of the primary key, no sort) is checked by the tests.</summary>
    internal static string ListObjectsSql(S3KeyBounds bounds) =>
        $"SELECT {S3ObjectRow.Columns} FROM s3_objects WHERE bucket = @bucket AND {bounds.Sql} ORDER BY key LIMIT @limit";
}
