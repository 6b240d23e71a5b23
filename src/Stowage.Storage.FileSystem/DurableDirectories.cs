using System.Collections.Concurrent;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// Makes a new directory entry durable: fsyncs the directory that holds it, and once per process each
/// ancestor up to the root's own parent, because a fan-out or bucket directory created moments ago is
/// itself only an entry in its parent. Directories are never removed, so "durable once" stays true.
/// </summary>
internal sealed class DurableDirectories(string root)
{
    // Directories whose own entry in their parent is known to be durable.
    private readonly ConcurrentDictionary<string, bool> _durable = new(StringComparer.Ordinal);

    public void SyncEntryOf(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        NativeFile.SyncDirectory(directory);

        while (!_durable.ContainsKey(directory) && Path.GetDirectoryName(directory) is { } parent)
        {
            NativeFile.SyncDirectory(parent);

            // Marked only after the fsync: a concurrent caller must never skip one still in flight.
            _durable.TryAdd(directory, true);
            if (string.Equals(directory, root, StringComparison.Ordinal))
            {
                return;
            }

            directory = parent;
        }
    }
}
