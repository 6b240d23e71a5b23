using Dapper;
using Stowage.Core.S3;
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

    public async Task PutObjectAsync(S3ObjectRecord obj, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(S3ObjectRow.Insert, S3ObjectRow.From(obj), cancellationToken));
    }

    public async Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(Command(
            "DELETE FROM s3_objects WHERE bucket = @bucket AND key = @key", new { bucket, key }, cancellationToken));
        return deleted == 1;
    }

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
