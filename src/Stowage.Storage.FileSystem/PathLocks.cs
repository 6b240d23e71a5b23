namespace Stowage.Storage.FileSystem;

/// <summary>
/// In-process locks over object paths, striped. Every step that puts something at an object path or takes
/// it away (install, move, delete) holds the path's stripe for the few syscalls it takes, so flattening a
/// composite can check "still the composite I copied?" and install its copy as one step. Another process
/// sharing the root is not covered; the data directory is locked to one server process.
/// </summary>
internal sealed class PathLocks
{
    private const int Stripes = 64;

    private readonly Lock[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new Lock())];

    public Lock For(string path) => _stripes[IndexOf(path)];

    /// <summary>The stripes of two paths in a fixed order (the second null when they share one), so two movers never deadlock.</summary>
    public (Lock First, Lock? Second) For(string a, string b)
    {
        var (i, j) = (IndexOf(a), IndexOf(b));
        return i == j ? (_stripes[i], null) : (_stripes[Math.Min(i, j)], _stripes[Math.Max(i, j)]);
    }

    private static int IndexOf(string path) => (int)((uint)StringComparer.Ordinal.GetHashCode(path) % Stripes);
}
