using System.Globalization;

namespace Stowage.Bench.Servers;

/// <summary>
/// Reads /proc. A launcher (a shell script, the dotnet host) may or may not exec the
/// server, so memory is taken from the process that actually owns the listening
/// socket, not from the pid that was started.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The started pid and all its descendants.</summary>
    public static IReadOnlyList<int> WithDescendants(int root)
    {
        var result = new List<int>();
        var pending = new Queue<int>();
        pending.Enqueue(root);
        while (pending.Count > 0 && result.Count < 10_000)
        {
            var pid = pending.Dequeue();
            result.Add(pid);
            foreach (var child in Children(pid))
            {
                pending.Enqueue(child);
            }
        }

        return result;
    }

    /// <summary>The processes among <paramref name="candidates"/> holding the socket listening on <paramref name="port"/>.</summary>
    public static IReadOnlyList<int> Listeners(IEnumerable<int> candidates, int port)
    {
        var inodes = ListeningInodes(port);
        var holders = new List<int>();
        if (inodes.Count == 0)
        {
            return holders;
        }

        foreach (var pid in candidates)
        {
            var fdDir = $"/proc/{pid}/fd";
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(fdDir))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && inodes.Contains(target["socket:[".Length..^1]))
                    {
                        holders.Add(pid);
                        break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited or is not ours to read; try the next one.
            }
        }

        return holders;
    }

    public static ProcessMemory? Memory(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            var hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (hwm is null)
            {
                return null;
            }

            // "VmHWM:	  123456 kB"
            var kib = long.Parse(hwm.Split(' ', '\t').Last(s => s.Length > 0 && char.IsDigit(s[0])), CultureInfo.InvariantCulture);
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new ProcessMemory(pid, command, kib * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static List<int> Children(int pid)
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "children"));
                foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    children.Add(int.Parse(part, CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already.
        }

        return children;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        // /proc/net/tcp: "sl local_address rem_address st ... inode"; st 0A is LISTEN.
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && fields[1].EndsWith(":" + portHex, StringComparison.Ordinal))
                {
                    inodes.Add(fields[9]);
                }
            }
        }

        return inodes;
    }
}
