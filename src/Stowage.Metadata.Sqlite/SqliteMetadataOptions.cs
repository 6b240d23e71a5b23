namespace Stowage.Metadata.Sqlite;

/// <summary>Where the SQLite metadata database lives and how hard it syncs.</summary>
public sealed class SqliteMetadataOptions
{
    /// <summary>Path of the database file; created, with its -wal and -shm companions, on first use.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// True (the default): <c>PRAGMA synchronous=FULL</c>, so every commit is fsynced and an acknowledged
    /// byte's metadata survives power loss (DESIGN.md, "a crash at any instant never reports a byte as
    /// received that is not durable"). False: NORMAL, which in WAL mode survives a process crash but may
    /// lose the last commits on power loss; for tests and scratch data.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// Stowage's internal blob bucket (<c>Stowage:Uploads:Bucket</c>, "stowage" by default), which holds session and
    /// project files. The schema migrations need its name: before schema version 4 an S3 bucket of that name shared
    /// its keys with those files (<see cref="Schema.Migration004Blobs"/>).
    /// </summary>
    public string InternalBucket { get; set; } = "stowage";
}
