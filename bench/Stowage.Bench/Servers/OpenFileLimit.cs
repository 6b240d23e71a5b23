using System.Globalization;

namespace Stowage.Bench.Servers;

/// <summary>
/// This process's soft limit on open files (RLIMIT_NOFILE, from /proc/self/limits). The servers the
/// harness starts inherit it, so it bounds how many connections the swarm can hold open on either side.
/// </summary>
internal static class OpenFileLimit
{
    /// <summary>The soft limit; null when unreadable, long.MaxValue when unlimited.</summary>
    public static long? Soft()
    {
        try
        {
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));

            // "Max open files            65536                65536                files"
            var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return soft == "unlimited" ? long.MaxValue
                : long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
