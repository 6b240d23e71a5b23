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
        o.WriteLine($"A/B: head ({head}) against baseline ({baseline}): same rounds, the two builds back to back, alternating which goes first.");
        o.WriteLine($"Target: head at least {AbCheck.Target:0.00}x the baseline, judged on the best samples (the medians' ratio beside; for a time, baseline / head).");
        var width = checks.Max(c => Label(c).Length) + 2;
        o.WriteLine($"  {"row".PadRight(width)}{"head",-22}{"baseline",-22}{"ratio",-8}{"result",-8}{"median ratio",-14}server CPU-s/GB, head | baseline");
        foreach (var c in checks)
        {
            var ratio = c.Ratio is { } r ? $"{r:F2}x" : "n/a";
            var median = c.MedianRatio is { } m ? $"{m:F2}x" : "-";
            var cpu = c.HeadCpu is null && c.BaselineCpu is null ? "-" : $"{Number(c.HeadCpu)} | {Number(c.BaselineCpu)}";
            o.WriteLine($"  {Label(c).PadRight(width)}{Figure(c.HeadBest, c.HeadMedian, c.Unit),-22}{Figure(c.BaselineBest, c.BaselineMedian, c.Unit),-22}{ratio,-8}{c.Status,-8}{median,-14}{cpu}{(c.Missing is null ? "" : "   (" + c.Missing + ")")}");
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

    private static string Label(AbCheck c) => $"{c.Protocol}; {c.Workload}";

    private static string Figure(double? best, double? median, string unit) =>
        best is not { } b ? "-" : median is { } m && m != b ? $"{b:F1} ({m:F1}) {unit}" : $"{b:F1} {unit}";

    private static string Number(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
