using Dapper;

namespace Stowage.Metadata.Sqlite;

// IS3Store: server-wide secrets shared by every process on this database.
public sealed partial class SqliteMetadataStore
{
    public Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);

        // INSERT OR IGNORE then SELECT under one BEGIN IMMEDIATE: the first writer's value wins and every
        // caller, in this process or another, reads that one back.
        return WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(Command(
                "INSERT OR IGNORE INTO server_secrets (name, value) VALUES (@name, @candidate)", new { name, candidate }, cancellationToken, transaction));
            return await connection.ExecuteScalarAsync<byte[]>(Command(
                "SELECT value FROM server_secrets WHERE name = @name", new { name }, cancellationToken, transaction))
                ?? throw new InvalidOperationException($"The secret '{name}' vanished inside its own transaction.");
        }, cancellationToken);
    }
}
