namespace Stowage.Server.Hosting;

/// <summary>
/// The data directory holds the SQLite database and the blobs. One server process owns it at a time
/// (the embedded default's locks and job leases are in-process), enforced with an exclusive lock file.
/// </summary>
public static class DataDirectory
{
    public const string DefaultPath = "data";
    private const string LockFileName = ".lock";

    public static string Resolve(string? configured) => Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured);

    /// <summary>Creates the directory if needed and locks it for this process; the lock lives as long as the returned handle.</summary>
    public static FileStream Lock(string path)
    {
        Directory.CreateDirectory(path);
        try
        {
            // FileShare.None is an exclusive flock on Unix: a second server on the same directory fails here.
            return new FileStream(Path.Combine(path, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Another Stowage server is using the data directory '{path}'.", ex);
        }
    }
}
