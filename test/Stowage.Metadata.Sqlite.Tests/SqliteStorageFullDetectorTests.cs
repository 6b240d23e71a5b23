using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>SQLite's "database or disk is full" is recognised as the storage being full, and nothing else is.</summary>
public sealed class SqliteStorageFullDetectorTests
{
    private readonly SqliteStorageFullDetector _detector = new();

    [Fact]
    public void IsStorageFull_RecognisesSqliteFull_FromARealDatabaseThatCannotGrow()
    {
        using var database = new TempDatabase();
        using var connection = new SqliteConnection($"Data Source={database.DatabasePath}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; CREATE TABLE t (b BLOB);");
        // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does (https://sqlite.org/rescode.html#full).
        Execute(connection, "PRAGMA max_page_count = " + Scalar(connection, "PRAGMA page_count") + ";");

        var failure = Should.Throw<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES (zeroblob(1048576));"));

        failure.SqliteErrorCode.ShouldBe(13, failure.Message);
        _detector.IsStorageFull(failure).ShouldBeTrue();
    }

    [Fact]
    public void IsStorageFull_IsFalse_ForOtherSqliteErrors()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (k TEXT PRIMARY KEY); INSERT INTO t VALUES ('a');");

        var failure = Should.Throw<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES ('a');"));

        _detector.IsStorageFull(failure).ShouldBeFalse();
        _detector.IsStorageFull(new IOException("disk full", 28)).ShouldBeFalse(); // the core knows those itself
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
