using System.Globalization;

namespace Stowage.Bench.Reporting;

/// <summary>Prints the A/B comparison of the two Stowage builds, and its rows for the JSON report.</summary>
internal static class AbPrinter
{
    public static void Print(TextWriter o, string head, string baseline, IReadOnlyList<AbCheck> checks)
    {
        if (checks.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine($"A/B: head ({head}) against baseline ({baseline}), same rounds, alternating; target: head at least {AbCheck.Target:0.00}x the baseline");
        o.WriteLine("(ratio of best samples judged, ratio of medians beside; a time is turned round so that above 1 is always the head doing better):");
        o.WriteLine($"  {"workload",-40}{"protocol",-44}{"head",-20}{"baseline",-20}{"head/baseline",-15}{"result",-7}{"medians",-10}{"server CPU-s/GB head | baseline"}");
        foreach (var c in checks)
        {
            var ratio = c.Ratio is { } r ? $"{r:F2}x" : c.Missing ?? "n/a";
            var median = c.MedianRatio is { } m ? $"{m:F2}x" : "-";
            var cpu = c.HeadCpu is null && c.BaselineCpu is null ? "-" : $"{Number(c.HeadCpu)} | {Number(c.BaselineCpu)}";
            o.WriteLine($"  {c.Workload,-40}{c.Protocol,-44}{Figure(c.HeadBest, c.HeadMedian, c.Unit),-20}{Figure(c.BaselineBest, c.BaselineMedian, c.Unit),-20}{ratio,-15}{c.Status,-7}{median,-10}{cpu}");
        }
    }

    public static object Json(AbCheck c) => new
    {
        workload = c.Workload,
        protocol = c.Protocol,
        unit = c.Unit,
        higher_is_better = c.HigherIsBetter,
        head_best = c.HeadBest,
        baseline_best = c.BaselineBest,
        head_median = c.HeadMedian,
        baseline_median = c.BaselineMedian,
        ratio = c.Ratio,
        median_ratio = c.MedianRatio,
        target = AbCheck.Target,
        status = c.Status,
        head_server_cpu_s_per_gb = c.HeadCpu,
        baseline_server_cpu_s_per_gb = c.BaselineCpu,
        missing = c.Missing,
    };

    private static string Figure(double? best, double? median, string unit) =>
        best is not { } b ? "-" : median is { } m && m != b ? $"{b:F1} ({m:F1}) {unit}" : $"{b:F1} {unit}";

    private static string Number(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
