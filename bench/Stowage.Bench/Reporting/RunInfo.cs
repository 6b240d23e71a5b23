using System.Runtime.InteropServices;

namespace Stowage.Bench.Reporting;

/// <summary>Facts about the machine and the peers' versions, printed and kept in the JSON.</summary>
internal sealed record RunInfo(
    DateTimeOffset StartedAt,
    int Cores,
    long MemoryBytes,
    string Kernel,
    string Runtime,
    string LoadAverageAtStart,
    IReadOnlyDictionary<string, string> Versions)
{
    public string LoadAverageAtEnd { get; set; } = "";

    public static string LoadAverage() => Read("/proc/loadavg") is { } text ? string.Join(' ', text.Split(' ').Take(3)) : "?";

    public static RunInfo Capture(DateTimeOffset now, IReadOnlyDictionary<string, string> versions)
    {
        var memKib = (Read("/proc/meminfo") ?? "").Split('\n')
            .FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return new RunInfo(
            now,
            Environment.ProcessorCount,
            long.TryParse(memKib, out var kib) ? kib * 1024 : 0,
            Read("/proc/sys/kernel/osrelease")?.Trim() ?? "?",
            RuntimeInformation.FrameworkDescription,
            LoadAverage(),
            versions);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
