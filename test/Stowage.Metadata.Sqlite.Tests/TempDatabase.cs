namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>A fresh directory for one test's database files (main, -wal, -shm), removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "stowage-sqlite-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase() => Directory.CreateDirectory(directory);

    public string DatabasePath => Path.Combine(directory, "metadata.db");

    public SqliteMetadataStore NewStore(bool durable = true, string internalBucket = "stowage") =>
        new(new SqliteMetadataOptions { DatabasePath = DatabasePath, Durable = durable, InternalBucket = internalBucket });

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
