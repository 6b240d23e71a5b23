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

    /// <summary>Stowage with fsync against @tus/server without: small files at least 2x.</summary>
    public const double SmallVsTus = 2.0;

    /// <summary>Stowage without fsync against nginx's plain PUT: 1 GiB at least 0.9x.</summary>
    public const double BigVsNginx = 0.9;

    /// <summary>Peak RSS of the Stowage server, 200 MB (10^6 bytes) at most.</summary>
    public const double RssMegabytes = 200;

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
            new TargetCheck("Stowage peak RSS (max of both runs)", rss / 1e6, AtLeast: false, RssMegabytes, "MB", rss is null ? "Stowage not measured" : null),
        ];
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
            Ratio("Stowage (fsync off) / nginx 8 MiB PUTs, big file", off, chunked, Scenario.Big, s => s.MegabytesPerSecond, limit: null),
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
