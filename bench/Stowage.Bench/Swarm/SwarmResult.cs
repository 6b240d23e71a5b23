using Stowage.Bench.Servers;

namespace Stowage.Bench.Swarm;

/// <summary>Everything the swarm measured for one server.</summary>
internal sealed class SwarmResult(string key, string name)
{
    public string Key { get; } = key;

    public string Name { get; } = name;

    public string Protocol { get; set; } = "";

    /// <summary>Why the server was not run (not installed, not built); null if it ran.</summary>
    public string? Skipped { get; set; }

    /// <summary>Why the run broke off (start-up failed, the harness was stopped); null if it ran its course.</summary>
    public string? Error { get; set; }

    public SwarmOutcome? Outcome { get; set; }

    /// <summary>The untimed warm-up's failures, if any (reported, not judged).</summary>
    public long WarmUpErrors { get; set; }

    public ProcessMemory? Memory { get; set; }

    /// <summary>CPU seconds of the server's processes during the timed run.</summary>
    public double? ServerCpuSeconds { get; set; }

    public SwarmVerification? Verification { get; set; }

    public double? ServerCpuPerGigabyte =>
        Outcome is { BytesAcknowledged: > 0 } o && ServerCpuSeconds is { } cpu ? cpu / (o.BytesAcknowledged / 1e9) : null;
}
