using System.Globalization;

namespace Stowage.Bench.Servers;

/// <summary>
/// CPU time a process has used (user + system, from /proc/PID/stat), optionally with its waited-for
/// children's. Read before and after a measurement, it says what the work cost in CPU, which a busy
/// machine distorts far less than it distorts wall-clock throughput.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of the stat fields; 100 on every Linux ABI the harness runs on.
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU; null when the process is gone or /proc is unreadable.</summary>
    public static double? Seconds(int pid, bool withChildren)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // Fields 14-17 of stat(5) are utime, stime, cutime, cstime; here they start at index 11.
        var ticks = Field(fields, 11) + Field(fields, 12) + (withChildren ? Field(fields, 13) + Field(fields, 14) : 0);
        return ticks / TicksPerSecond;
    }

    /// <summary>
    /// Seconds of CPU of a process and its live descendants (nginx's master and workers): a server's own
    /// figure whatever it forks. A descendant that exits in between takes its time with it (not reaped by us).
    /// </summary>
    public static double? TreeSeconds(int pid)
    {
        double? total = null;
        foreach (var member in ProcessTree.WithDescendants(pid))
        {
            if (Seconds(member, withChildren: false) is { } seconds)
            {
                total = (total ?? 0) + seconds;
            }
        }

        return total;
    }

    private static long Field(string[] fields, int index) =>
        long.Parse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture);
}
