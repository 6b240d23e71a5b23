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

        cancellationToken.ThrowIfCancellationRequested();

        // Group-committed with concurrent reservations and advances (see SqliteGroupCommit); the checks
        // run under the write lock, after any reservation queued ahead in the same transaction.
        return writes.RunAsync((connection, transaction) => ReserveLockedAsync(connection, transaction, candidate, accountId, limits, CancellationToken.None));
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

        // Null when the session is missing, consumed or expired; otherwise the totals of its files so far.
        var sessionBytes = await connection.QuerySingleOrDefaultAsync<long?>(Command(
            "SELECT reserved_bytes FROM upload_sessions WHERE id = @SessionId AND project_name IS NULL AND expires_at > @now",
            new { candidate.SessionId, now = UnixMillis.From(candidate.Created) }, cancellationToken, transaction));
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
        cancellationToken.ThrowIfCancellationRequested();
        var parameters = new { sessionId, name, received, now = UnixMillis.From(now), expiresAt = UnixMillis.From(sessionExpiresAt) };

        // Two tables, so a transaction, shared with concurrent hot-path writes (group commit: one fsync for all).
        // MAX keeps the mark monotonic even when a slower, older request finishes after a newer one; the
        // EXISTS makes it a no-op once a project consumed the session or it expired (a DELETE expires it
        // before removing its bytes, so no writer counts bytes that are going). Not cancellable once queued: the
        // bytes it counts are already durable, and the caller passes None for that reason.
        return writes.RunAsync(async (connection, transaction) =>
        {
            var advanced = await connection.ExecuteAsync(Command(
                """
                UPDATE upload_files SET received = MAX(received, @received), updated = @now
                WHERE session_id = @sessionId AND name = @name
                  AND EXISTS (SELECT 1 FROM upload_sessions WHERE id = @sessionId AND project_name IS NULL AND expires_at > @now)
                """, parameters, CancellationToken.None, transaction));
            if (advanced == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(Command(
                "UPDATE upload_sessions SET expires_at = @expiresAt WHERE id = @sessionId", parameters, CancellationToken.None, transaction));
            return true;
        });
    }
}
