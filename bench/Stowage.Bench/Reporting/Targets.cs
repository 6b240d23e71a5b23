using Stowage.Bench.Cli;
using Stowage.Bench.Running;

namespace Stowage.Bench.Reporting;

/// <summary>
/// The issue's targets. Throughput ratios compare best samples of the same run; the peers
/// are the reference, so a slow or noisy machine moves both sides of each ratio.
/// </summary>
internal static class Targets
{
    /// <summary>Stowage with fsync against @tus/server without: 1 GiB at least 1.3x.</summary>
    public const double BigVsTus = 1.3;

    /// <summary>Stowage with fsync against @tus/server without: small files at least 2.5x (2.0x until 2026-11-23).</summary>
    public const double SmallVsTus = 2.5;

    /// <summary>Stowage without fsync against nginx's plain PUT: 1 GiB at least 0.9x.</summary>
    public const double BigVsNginx = 0.9;

    /// <summary>Peak RSS of the Stowage server, 200 MB (10^6 bytes) at most.</summary>
    public const double RssMegabytes = 200;

    /// <summary>
    /// Server CPU per GB of Stowage without fsync against nginx fed the same 8 MiB chunks, at most 1.3x:
    /// with the traffic the same on both sides, what the Sessions API itself costs per byte.
    /// </summary>
    public const double CpuVsNginxChunked = 1.3;

    public static IReadOnlyList<TargetCheck> Evaluate(IReadOnlyDictionary<string, PeerResult> results)
    {
        var on = results.GetValueOrDefault("stowage-fsync-on");
        var off = results.GetValueOrDefault("stowage-fsync-off");
        var tus = results.GetValueOrDefault("tus");
        var nginx = results.GetValueOrDefault("nginx");
        var rss = new[] { on, off }.Select(r => r?.Memory?.PeakRssBytes).Where(b => b is not null).Max();

        return
        [
            Ratio("Stowage (fsync on) / tus, big file MB/s", on, tus, Scenario.Big, s => s.MegabytesPerSecond, BigVsTus),
            Ratio("Stowage (fsync on) / tus, small files/s", on, tus, Scenario.Small, s => s.FilesPerSecond, SmallVsTus),
            Ratio("Stowage (fsync off) / nginx, big file MB/s", off, nginx, Scenario.Big, s => s.MegabytesPerSecond, BigVsNginx),
            CpuRatio("Stowage (fsync off) / nginx 8 MiB PUTs, server CPU-s per GB, big file", off, results.GetValueOrDefault("nginx-chunked"), CpuVsNginxChunked),
            new TargetCheck("Stowage peak RSS (max of both runs)", rss / 1e6, AtLeast: false, RssMegabytes, "MB", rss is null ? "Stowage not measured" : null),
        ];
    }

    /// <summary>
    /// With a baseline build: head / baseline for each Stowage row (bench/README.md, "A/B against a
    /// baseline build"); empty without one.
    /// </summary>
    public static IReadOnlyList<AbCheck> Ab(IReadOnlyDictionary<string, PeerResult> results, BenchOptions options)
    {
        var checks = new List<AbCheck>();
        foreach (var key in new[] { "stowage-fsync-on", "stowage-fsync-off" })
        {
            var head = results.GetValueOrDefault(key);
            var baseline = results.GetValueOrDefault(AbPairs.BaselineOf(key));
            if (baseline is null)
            {
                continue;
            }

            var fsync = key.EndsWith("-on", StringComparison.Ordinal) ? "fsync on" : "fsync off";
            var chunk = $"{options.ChunkSize / BenchOptions.MiB} MiB";
            checks.Add(AbRow($"{options.BigSize / BenchOptions.MiB} MiB file, {fsync}", $"Sessions API, {chunk} Content-Range PUTs", head, baseline, Scenario.Big, s => s.MegabytesPerSecond, "MB/s"));
            checks.Add(AbRow($"{options.SmallCount} x {options.SmallSize / 1024} KiB, {options.Parallel} clients, {fsync}", "Sessions API small files, whole-file PUTs", head, baseline, Scenario.Small, s => s.FilesPerSecond, "files/s"));
        }

        return checks;
    }

    private static AbCheck AbRow(string workload, string protocol, PeerResult? head, PeerResult baseline, Scenario scenario, Func<Sample, double> figure, string unit)
    {
        var (hb, bb) = (head?.Best(scenario), baseline.Best(scenario));
        var (hm, bm) = (head?.Median(scenario), baseline.Median(scenario));
        return new AbCheck(workload, protocol, unit, HigherIsBetter: true)
        {
            HeadBest = hb is null ? null : figure(hb),
            BaselineBest = bb is null ? null : figure(bb),
            HeadMedian = hm is null ? null : figure(hm),
            BaselineMedian = bm is null ? null : figure(bm),
            HeadCpu = head?.MedianCpu(scenario),
            BaselineCpu = baseline.MedianCpu(scenario),
            Missing = hb is null ? $"{head?.Name ?? "head"}: {Why(head)}" : bb is null ? $"{baseline.Name}: {Why(baseline)}" : null,
        };
    }

    private static string Why(PeerResult? r) => r?.Skipped is not null ? "skipped" : r?.Error is not null ? "failed" : "not measured";

    /// <summary>
    /// Server CPU per GB, subject over reference (lower is better), on the lowest sample of each side,
    /// with the medians' ratio beside.
    /// </summary>
    private static TargetCheck CpuRatio(string name, PeerResult? subject, PeerResult? reference, double limit)
    {
        var (a, b) = (subject?.LowestCpu(Scenario.Big), reference?.LowestCpu(Scenario.Big));
        var missing = a is null ? $"{subject?.Name ?? "Stowage"}: no CPU figure" : b is null ? $"{reference?.Name ?? "nginx 8 MiB PUTs"}: no CPU figure" : null;
        var (ma, mb) = (subject?.MedianCpu(Scenario.Big), reference?.MedianCpu(Scenario.Big));
        return new TargetCheck(name, a / b, AtLeast: false, limit, "x", missing)
        {
            MedianValue = ma / mb,
        };
    }

    /// <summary>
    /// Not targets: what the fsync-off target is up against. The issue sets Stowage's 8 MiB chunks
    /// against nginx's single PUT; the nginx row fed the same chunks shows how much of that gap is
    /// the stop-and-wait chunking itself, which no server can remove.
    /// </summary>
    public static IReadOnlyList<TargetCheck> Context(IReadOnlyDictionary<string, PeerResult> results)
    {
        var off = results.GetValueOrDefault("stowage-fsync-off");
        var nginx = results.GetValueOrDefault("nginx");
        var chunked = results.GetValueOrDefault("nginx-chunked");
        return
        [
            Ratio("nginx 8 MiB PUTs / nginx one PUT, big file", chunked, nginx, Scenario.Big, s => s.MegabytesPerSecond, limit: null),
            Ratio("Stowage (fsync off) / nginx 8 MiB PUTs, big file MB/s", off, chunked, Scenario.Big, s => s.MegabytesPerSecond, limit: null),
        ];
    }

    private static TargetCheck Ratio(string name, PeerResult? subject, PeerResult? reference, Scenario scenario, Func<Sample, double> figure, double? limit)
    {
        var a = subject?.Best(scenario);
        var b = reference?.Best(scenario);
        var missing = a is null ? $"{subject?.Name ?? "Stowage"} not measured" : b is null ? $"{reference?.Name ?? "peer"} not measured" : null;
        double? value = a is null || b is null ? null : figure(a) / figure(b);
        var (ma, mb) = (subject?.Median(scenario), reference?.Median(scenario));
        return new TargetCheck(name, value, AtLeast: true, limit, "x", missing)
        {
            MedianValue = ma is null || mb is null ? null : figure(ma) / figure(mb),
        };
    }
}
