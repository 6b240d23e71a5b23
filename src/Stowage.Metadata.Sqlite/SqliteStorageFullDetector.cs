using Microsoft.Data.Sqlite;
using Stowage.Core.Capacity;

namespace Stowage.Metadata.Sqlite;

/// <summary>
/// SQLite's "no space": SQLITE_FULL (https://sqlite.org/rescode.html#full), which the unix VFS returns when a
/// write of the database or its WAL fails with ENOSPC, and which a database over its max_page_count gets too.
/// SQLite rolls the statement or transaction back, so the database is as it was; the core answers it like any
/// other full disk (docs/operations.md, "A full disk").
/// </summary>
public sealed class SqliteStorageFullDetector : IStorageFullDetector
{
    /// <summary>SQLITE_FULL, the primary result code (extended codes keep it in their low byte).</summary>
    private const int SqliteFull = 13;

    public bool IsStorageFull(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteFull };
}
