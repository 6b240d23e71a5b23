using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite;

/// <summary>One queued write of a <see cref="SqliteGroupCommit"/>: runs inside the shared transaction, reports after the commit.</summary>
internal abstract class SqliteGroupCommitItem
{
    /// <summary>Runs the write; may run again if the transaction is retried, so it only remembers the last result.</summary>
    public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>The transaction committed: hand the caller its result.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}
