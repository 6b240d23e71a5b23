using Stowage.Bench.Cli;
using Stowage.Bench.Running;

namespace Stowage.Bench.Reporting;

/// <summary>The human report: one table, the client ceilings, the targets.</summary>
internal static class ReportPrinter
{
    // A peer above this share of its client's ceiling may be limited by the client, not the server.
    private const double ClientBoundShare = 0.8;

    // Past two runnable tasks per core, the peers' figures are mostly someone else's load.
    private const double BusyLoadPerCore = 2;

    public static void Print(TextWriter o, BenchOptions options, RunInfo info, IReadOnlyList<PeerResult> results, IReadOnlyDictionary<string, string> ceilingOf, IReadOnlyList<TargetCheck> targets, IReadOnlyList<TargetCheck> context, IReadOnlyList<AbCheck> ab)
    {
        var big = $"{options.BigSize / BenchOptions.MiB} MiB file";
        var small = $"{options.SmallCount} x {options.SmallSize / 1024} KiB, {options.Parallel} clients";
        o.WriteLine();
        o.WriteLine($"== Results: best of {options.Repeat} (median in brackets); MB = 10^6 bytes; server CPU: median CPU-seconds per GB ==");
        o.WriteLine($"{"",-44}{big,-36}{small,-48}{"peak RSS",10}");
        o.WriteLine($"{"peer",-44}{"MB/s",-22}{"server CPU",-14}{"files/s",-17}{"MB/s",-17}{"server CPU",-14}{"(VmHWM)",10}");
        foreach (var r in results.Where(r => r.Skipped is null))
        {
            var b = r.Best(Scenario.Big);
            var s = r.Best(Scenario.Small);
            var rss = r.Memory is { } m ? $"{m.PeakRssBytes / 1e6:F0} MB" : "-";
            o.WriteLine($"{r.Name,-44}{Figure(b, r.Median(Scenario.Big), x => x.MegabytesPerSecond),-22}{Cpu(r.MedianCpu(Scenario.Big)),-14}{Figure(s, r.Median(Scenario.Small), x => x.FilesPerSecond),-17}{Figure(s, r.Median(Scenario.Small), x => x.MegabytesPerSecond),-17}{Cpu(r.MedianCpu(Scenario.Small)),-14}{rss,10}");
        }

        foreach (var r in results.Where(r => r.Skipped is not null || r.Error is not null))
        {
            o.WriteLine(r.Skipped is not null ? $"SKIPPED {r.Name}: {r.Skipped}" : $"FAILED  {r.Name}: {r.Error}");
        }

        PrintCeilingShares(o, results, ceilingOf);

        o.WriteLine();
        o.WriteLine("Clients:");
        foreach (var r in results.Where(r => r.Skipped is null))
        {
            o.WriteLine($"  {r.Name,-42} {r.Client}");
        }

        o.WriteLine();
        o.WriteLine("Targets (ratios of best figures, same run; PASS/FAIL is judged on the best):");
        foreach (var t in targets)
        {
            var value = t.Value is { } v ? $"{v:F2} {t.Unit}" : t.Missing ?? "n/a";
            var median = t.MedianValue is { } mv ? $"   (medians: {mv:F2} {t.Unit})" : "";
            o.WriteLine($"  {t.Name,-72} {value,-22} {(t.AtLeast ? ">=" : "<="),2} {t.Limit:0.0#} {t.Unit,-3} {t.Status}{median}");
        }

        o.WriteLine("  (the CPU target compares the lowest CPU-s/GB of each side; lower is better)");
        o.WriteLine();
        o.WriteLine("Context (not targets): how much of the nginx gap is chunking itself:");
        foreach (var c in context)
        {
            var value = c.Value is { } v ? $"{v:F2} {c.Unit}" : c.Missing ?? "n/a";
            var median = c.MedianValue is { } mv ? $"   (medians: {mv:F2} {c.Unit})" : "";
            o.WriteLine($"  {c.Name,-72} {value,-22}{median}");
        }

        AbPrinter.Print(o, options.HeadLabel, options.BaselineLabel, ab);

        o.WriteLine();
        o.WriteLine($"machine: {info.Cores} cores, {info.MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, kernel {info.Kernel}, {info.Runtime}; load average {info.LoadAverageAtStart} at start, {info.LoadAverageAtEnd} at end");
        o.WriteLine("peers: " + string.Join("; ", info.Versions.Select(kv => $"{kv.Key} {kv.Value}")));
        if (Busy(info.LoadAverageAtStart, info.Cores) || Busy(info.LoadAverageAtEnd, info.Cores))
        {
            o.WriteLine($"note: the machine was busy (1-min load above {BusyLoadPerCore} per core): absolute figures are low and noisy; compare the ratios, and rerun for a second opinion.");
        }
    }

    private static void PrintCeilingShares(TextWriter o, IReadOnlyList<PeerResult> results, IReadOnlyDictionary<string, string> ceilingOf)
    {
        var byKey = results.ToDictionary(r => r.Key);
        var lines = new List<string>();
        foreach (var r in results.Where(r => r.Skipped is null && ceilingOf.TryGetValue(r.Key, out var c) && c != r.Key))
        {
            var ceiling = byKey.GetValueOrDefault(ceilingOf[r.Key]);
            var parts = new List<string>();
            foreach (var scenario in new[] { Scenario.Big, Scenario.Small })
            {
                var mine = r.Best(scenario);
                var max = ceiling?.Best(scenario);
                if (mine is null || max is null)
                {
                    continue;
                }

                var share = mine.MegabytesPerSecond / max.MegabytesPerSecond;
                parts.Add($"{BenchRunner.Label(scenario)} {share:P0}{(share >= ClientBoundShare ? " (near the client's ceiling: ratio understated)" : "")}");
            }

            if (parts.Count > 0)
            {
                lines.Add($"  {r.Name,-42} {string.Join(", ", parts)} of {ceiling!.Name}");
            }
        }

        if (lines.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine("Share of the client's ceiling (same client against the null sink):");
        lines.ForEach(o.WriteLine);
    }

    private static bool Busy(string loadAverage, int cores) =>
        double.TryParse(loadAverage.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) && load > BusyLoadPerCore * cores;

    private static string Cpu(double? secondsPerGigabyte) => secondsPerGigabyte is { } v ? $"{v:F2}" : "-";

    private static string Figure(Sample? best, Sample? median, Func<Sample, double> figure) =>
        best is null ? "-" : median is null || ReferenceEquals(best, median) ? $"{figure(best):F1}" : $"{figure(best):F1} ({figure(median):F1})";
}
