using Dapper;
using Stowage.Core.S3;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IS3Store: buckets and long-lived access keys.
public sealed partial class SqliteMetadataStore
{
    public async Task<bool> CreateBucketAsync(S3Bucket bucket, CancellationToken cancellationToken)
    {
        // A taken name is an expected outcome (CreateBucket is idempotent at the front door), not an error.
        await using var connection = await OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(Command(
            """
            INSERT INTO s3_buckets (name, account_id, created) VALUES (@Name, @AccountId, @Created)
            ON CONFLICT (name) DO NOTHING
            """, S3BucketRow.From(bucket), cancellationToken));
        return inserted == 1;
    }

    public async Task<S3Bucket?> GetBucketAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<S3BucketRow>(Command(
            $"SELECT {S3BucketRow.Columns} FROM s3_buckets WHERE name = @name", new { name }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<S3Bucket>> ListBucketsAsync(string? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sql = accountId is null
            ? $"SELECT {S3BucketRow.Columns} FROM s3_buckets ORDER BY name"
            : $"SELECT {S3BucketRow.Columns} FROM s3_buckets WHERE account_id = @accountId ORDER BY name";
        var rows = await connection.QueryAsync<S3BucketRow>(Command(sql, new { accountId }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task CreateS3KeyAsync(S3AccessKeyRecord key, CancellationToken cancellationToken)
    {
        // A reused access key id is a caller bug (ids are random), so the primary key violation throws.
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO s3_access_keys (access_key_id, secret_access_key, account_id, created, revoked)
            VALUES (@AccessKeyId, @SecretAccessKey, @AccountId, @Created, @Revoked)
            """, S3AccessKeyRow.From(key), cancellationToken));
    }

    public async Task<S3AccessKeyRecord?> GetS3KeyAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<S3AccessKeyRow>(Command(
            $"SELECT {S3AccessKeyRow.Columns} FROM s3_access_keys WHERE access_key_id = @accessKeyId", new { accessKeyId }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<S3AccessKeyRecord>> ListS3KeysAsync(string? accountId, CancellationToken cancellationToken)
    {
        // Oldest first, as ListKeysAsync orders API keys.
        await using var connection = await OpenAsync(cancellationToken);
        var sql = accountId is null
            ? $"SELECT {S3AccessKeyRow.Columns} FROM s3_access_keys ORDER BY created, rowid"
            : $"SELECT {S3AccessKeyRow.Columns} FROM s3_access_keys WHERE account_id = @accountId ORDER BY created, rowid";
        var rows = await connection.QueryAsync<S3AccessKeyRow>(Command(sql, new { accountId }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<bool> RevokeS3KeyAsync(string accessKeyId, DateTimeOffset when, CancellationToken cancellationToken)
    {
        // COALESCE keeps the first revocation time; the row still counts as changed, so an existing key returns true.
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(Command(
            "UPDATE s3_access_keys SET revoked = COALESCE(revoked, @when) WHERE access_key_id = @accessKeyId",
            new { accessKeyId, when = UnixMillis.From(when) }, cancellationToken));
        return updated == 1;
    }
}
