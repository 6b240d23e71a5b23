using Dapper;
using Stowage.Core.Uploads;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IUploadStore: sessions, their files, expiry and usage. Reserving and advancing are in .Reservations.cs.
public sealed partial class SqliteMetadataStore
{
    /// <summary>
    /// The contract's usage: totals of the files of the account's unconsumed sessions (kept per session
    /// in reserved_bytes) plus its projects' sizes plus its S3 buckets' objects and the parts of their open
    /// multipart uploads (kept per bucket in used_bytes and parts_bytes). The first two read covering indexes
    /// only; the last one row per bucket.
    /// </summary>
    private const string AccountUsageSql = """
        SELECT (SELECT COALESCE(SUM(reserved_bytes), 0) FROM upload_sessions WHERE account_id = @accountId AND project_name IS NULL)
             + (SELECT COALESCE(SUM(size_bytes), 0) FROM projects WHERE account_id = @accountId)
             + (SELECT COALESCE(SUM(used_bytes + parts_bytes), 0) FROM s3_buckets WHERE account_id = @accountId)
        """;

    public async Task CreateSessionAsync(UploadSessionRecord session, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO upload_sessions (id, account_id, created, expires_at, project_name)
            VALUES (@Id, @AccountId, @Created, @ExpiresAt, @ProjectName)
            """, UploadSessionRow.From(session), cancellationToken));
    }

    public async Task<UploadSessionRecord?> GetSessionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UploadSessionRow>(Command(
            $"SELECT {UploadSessionRow.Columns} FROM upload_sessions WHERE id = @id", new { id }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<UploadFileRecord>> ListFilesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UploadFileRow>(Command(
            $"SELECT {UploadFileRow.Columns} FROM upload_files WHERE session_id = @sessionId ORDER BY seq",
            new { sessionId }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<UploadFileRecord?> GetFileAsync(string sessionId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UploadFileRow>(Command(
            $"SELECT {UploadFileRow.Columns} FROM upload_files WHERE session_id = @sessionId AND name = @name",
            new { sessionId, name }, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<bool> ExpireSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Through the write queue, so it is ordered with the reservations and advances it must stop.
        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new { id, at = UnixMillis.From(at) };
        return await writes.RunAsync(async (connection, transaction) => await connection.ExecuteAsync(Command(
            "UPDATE upload_sessions SET expires_at = MIN(expires_at, @at) WHERE id = @id AND project_name IS NULL",
            parameters, CancellationToken.None, transaction)) == 1);
    }

    public async Task<bool> DeleteSessionAsync(string id, CancellationToken cancellationToken)
    {
        // One statement: the files go with it through ON DELETE CASCADE, in the same implicit transaction.
        await using var connection = await OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(Command(
            "DELETE FROM upload_sessions WHERE id = @id", new { id }, cancellationToken));
        return deleted == 1;
    }

    public async Task<IReadOnlyList<UploadSessionRecord>> ListExpiredSessionsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // "Oldest first" read as longest expired first: the order of upload_sessions_by_expiry.
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UploadSessionRow>(Command(
            $"SELECT {UploadSessionRow.Columns} FROM upload_sessions WHERE expires_at <= @now ORDER BY expires_at, created, id LIMIT @limit",
            new { now = UnixMillis.From(now), limit }, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<long> GetAccountUsageAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command(AccountUsageSql, new { accountId }, cancellationToken));
    }
}
