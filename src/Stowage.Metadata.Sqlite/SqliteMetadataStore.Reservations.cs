using Dapper;
using Microsoft.Data.Sqlite;
using Stowage.Core.Uploads;
using Stowage.Metadata.Sqlite.Rows;

namespace Stowage.Metadata.Sqlite;

// IUploadStore's two hot-path writes: reserving a file against the caps, and advancing its high-water mark.
public sealed partial class SqliteMetadataStore
{
    public Task<FileReservation> ReserveFileAsync(UploadFileRecord candidate, string accountId, ReservationLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(limits);

        return WriteAsync((connection, transaction) => ReserveLockedAsync(connection, transaction, candidate, accountId, limits, cancellationToken), cancellationToken);
    }

    /// <summary>The check-and-insert, under the write lock so concurrent reservations see each other's totals.</summary>
    private static async Task<FileReservation> ReserveLockedAsync(
        SqliteConnection connection, SqliteTransaction transaction, UploadFileRecord candidate, string accountId, ReservationLimits limits, CancellationToken cancellationToken)
    {
        var existing = await connection.QuerySingleOrDefaultAsync<UploadFileRow>(Command(
            $"SELECT {UploadFileRow.Columns} FROM upload_files WHERE session_id = @SessionId AND name = @Name",
            new { candidate.SessionId, candidate.Name }, cancellationToken, transaction));
        if (existing is not null)
        {
            return new FileReservation(ReservationOutcome.Existing, existing.ToRecord());
        }

        // Null when the session is missing or consumed; otherwise the totals of its files so far.
        var sessionBytes = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            "SELECT reserved_bytes FROM upload_sessions WHERE id = @SessionId AND project_name IS NULL",
            new { candidate.SessionId }, cancellationToken, transaction));
        if (sessionBytes is not { } reserved)
        {
            return new FileReservation(ReservationOutcome.SessionGone, null);
        }

        if (limits.MaxSessionBytes is { } maxSession && reserved + candidate.Total > maxSession)
        {
            return new FileReservation(ReservationOutcome.SessionTooLarge, null);
        }

        if (limits.QuotaBytes is { } quota)
        {
            var usage = await connection.ExecuteScalarAsync<long>(Command(AccountUsageSql, new { accountId }, cancellationToken, transaction));
            if (usage + candidate.Total > quota)
            {
                return new FileReservation(ReservationOutcome.QuotaExceeded, null);
            }
        }

        await connection.ExecuteAsync(Command(
            """
            INSERT INTO upload_files (session_id, name, total, received, object_bucket, object_key, created, updated)
            VALUES (@SessionId, @Name, @Total, @Received, @ObjectBucket, @ObjectKey, @Created, @Updated)
            """, UploadFileRow.From(candidate), cancellationToken, transaction));
        await connection.ExecuteAsync(Command(
            "UPDATE upload_sessions SET reserved_bytes = reserved_bytes + @Total WHERE id = @SessionId",
            new { candidate.SessionId, candidate.Total }, cancellationToken, transaction));
        return new FileReservation(ReservationOutcome.Created, candidate);
    }

    public Task<bool> AdvanceReceivedAsync(string sessionId, string name, long received, DateTimeOffset now, DateTimeOffset sessionExpiresAt, CancellationToken cancellationToken)
    {
        var parameters = new { sessionId, name, received, now = UnixMillis.From(now), expiresAt = UnixMillis.From(sessionExpiresAt) };

        // Two tables, so one transaction (and one fsync). MAX keeps the mark monotonic even when a slower,
        // older request finishes after a newer one; the EXISTS makes it a no-op once a project consumed the session.
        return WriteAsync(async (connection, transaction) =>
        {
            var advanced = await connection.ExecuteAsync(Command(
                """
                UPDATE upload_files SET received = MAX(received, @received), updated = @now
                WHERE session_id = @sessionId AND name = @name
                  AND EXISTS (SELECT 1 FROM upload_sessions WHERE id = @sessionId AND project_name IS NULL)
                """, parameters, cancellationToken, transaction));
            if (advanced == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(Command(
                "UPDATE upload_sessions SET expires_at = @expiresAt WHERE id = @sessionId", parameters, cancellationToken, transaction));
            return true;
        }, cancellationToken);
    }
}
