using Stowage.Bench.Reporting;

namespace Stowage.Bench.Swarm;

/// <summary>The swarm's goals, judged per server on its one run (bench/README.md, "Swarm").</summary>
internal static class SwarmGoals
{
    /// <summary>No failed request at all.</summary>
    public const double MaxErrors = 0;

    /// <summary>The slowest 1 % of chunks take at most 4x the median chunk: queueing is fair, nobody starves.</summary>
    public const double MaxTailRatio = 4;

    /// <summary>Peak RSS (VmHWM) of the server, 300 MB (10^6 bytes) at most, with a thousand uploads open.</summary>
    public const double MaxRssMegabytes = 300;

    public static IReadOnlyList<TargetCheck> Evaluate(SwarmResult r)
    {
        var o = r.Outcome;
        var missing = r.Skipped is not null ? "skipped" : o is null ? "not measured" : null;
        var p50 = o is null ? null : SwarmOutcome.Percentile(o.ChunkMilliseconds, 50);
        var p99 = o is null ? null : SwarmOutcome.Percentile(o.ChunkMilliseconds, 99);
        return
        [
            new TargetCheck("failed requests", o?.ErrorCount, AtLeast: false, MaxErrors, "", missing),
            new TargetCheck("p99 / p50 chunk latency", p99 / p50, AtLeast: false, MaxTailRatio, "x", missing ?? (p50 is null ? "no chunk acknowledged" : null)),
            new TargetCheck("peak RSS (VmHWM)", r.Memory?.PeakRssBytes / 1e6, AtLeast: false, MaxRssMegabytes, "MB", missing ?? (r.Memory is null ? "not read" : null)),
        ];
    }
}
