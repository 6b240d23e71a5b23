namespace Stowage.Metadata.Sqlite;

internal static class SqlitePragmas
{
    /// <summary>
    /// How long a connection waits for another's write lock before SQLITE_BUSY. Long enough to ride
    /// out a checkpoint or a burst of fsynced commits from ~8 concurrent uploads; short enough that a
    /// wedged writer surfaces as an error rather than a hung request.
    /// </summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>
    /// busy_timeout, synchronous and foreign_keys live on the connection, not in the file.
    /// synchronous=FULL fsyncs the WAL on every commit (https://sqlite.org/pragma.html#pragma_synchronous).
    /// </summary>
    public static string ForConnection(bool durable) =>
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; " +
        $"PRAGMA synchronous = {(durable ? "FULL" : "NORMAL")}; " +
        "PRAGMA foreign_keys = ON;";
}
