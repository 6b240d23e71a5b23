using Dapper;
using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite;

public sealed partial class SqliteMetadataStore
{
    /// <summary>SQLITE_BUSY, https://sqlite.org/rescode.html#busy.</summary>
    private const int SqliteBusy = 5;

    /// <summary>
    /// Whole-transaction retries after busy_timeout already waited: SQLITE_BUSY should not surface
    /// with BEGIN IMMEDIATE, so this only covers pathological contention (e.g. a long checkpoint).
    /// </summary>
    private const int MaxBusyAttempts = 5;

    private static readonly TimeSpan BusyBackoff = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction and commits it. IMMEDIATE
    /// takes the database's write lock before the first read, so a check and the write that depends
    /// on it cannot interleave with another connection's, in this process or another
    /// (https://sqlite.org/lang_transaction.html). A deferred transaction could instead fail its
    /// upgrade with SQLITE_BUSY_SNAPSHOT, which no busy handler retries.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = await work(connection, transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteBusy && attempt < MaxBusyAttempts)
            {
                await Task.Delay(BusyBackoff * attempt, cancellationToken);
            }
        }
    }

    private static CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
