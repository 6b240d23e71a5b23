using Microsoft.Data.Sqlite;
using Stowage.Core.Metadata;
using Stowage.Metadata.Sqlite.Schema;

namespace Stowage.Metadata.Sqlite;

/// <summary>
/// The embedded metadata store: one SQLite file in WAL mode, shared safely by every thread of this
/// process and by other processes opening the same file. Check-and-write operations run in
/// <c>BEGIN IMMEDIATE</c> transactions, so they hold the single write lock from their first read.
/// </summary>
public sealed partial class SqliteMetadataStore : IMetadataStore, IDisposable
{
    private readonly string connectionString;
    private readonly string connectionPragmas;

    public SqliteMetadataStore(SqliteMetadataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        connectionPragmas = SqlitePragmas.ForConnection(options.Durable);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteMigrator.MigrateAsync(connection, cancellationToken);
    }

    /// <summary>Closes the pooled connections to this file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// Opens a pooled connection and applies the per-connection pragmas. They are set on every open
    /// because a pooled connection may be new, and these pragmas (unlike journal_mode) are not stored
    /// in the file.
    /// </summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = connectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
