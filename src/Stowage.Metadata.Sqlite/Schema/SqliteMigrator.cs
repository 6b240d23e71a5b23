using Dapper;
using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite.Schema;

/// <summary>
/// Brings the file's schema up to <see cref="SqliteMigrations.Steps"/>, tracking progress in
/// <c>PRAGMA user_version</c> (the count of steps applied). Every step may name the internal blob bucket as
/// <c>@internalBucket</c> (<see cref="SqliteMetadataOptions.InternalBucket"/>).
/// </summary>
internal static class SqliteMigrator
{
    public static async Task MigrateAsync(SqliteConnection connection, string internalBucket, CancellationToken cancellationToken)
    {
        // journal_mode is stored in the file, so setting it once here covers every later connection.
        // It cannot change inside a transaction, hence before BEGIN.
        var mode = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}') for {connection.DataSource}.");
        }

        // IMMEDIATE: two processes starting together must not both apply the same step.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition("PRAGMA user_version;", transaction: transaction, cancellationToken: cancellationToken));
        var steps = SqliteMigrations.Steps;
        if (version > steps.Count)
        {
            throw new InvalidOperationException(
                $"The metadata database {connection.DataSource} has schema version {version}, newer than this build knows ({steps.Count}).");
        }

        for (var step = (int)version; step < steps.Count; step++)
        {
            await connection.ExecuteAsync(new CommandDefinition(steps[step], new { internalBucket }, transaction, cancellationToken: cancellationToken));
            // user_version lives in the database header page, so it commits or rolls back with the step.
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {step + 1};", transaction: transaction, cancellationToken: cancellationToken));
        }

        transaction.Commit();
    }
}
