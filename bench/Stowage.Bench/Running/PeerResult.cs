using Stowage.Bench.Servers;

namespace Stowage.Bench.Running;

/// <summary>Everything measured for one peer.</summary>
internal sealed class PeerResult(string key, string name, string client)
{
    public string Key { get; } = key;

    public string Name { get; } = name;

    public string Client { get; } = client;

    public Dictionary<Scenario, List<Sample>> Samples { get; } = new() { [Scenario.Big] = [], [Scenario.Small] = [] };

    /// <summary>Why the peer was not run (not installed, not built); null if it ran.</summary>
    public string? Skipped { get; set; }

    /// <summary>Why a measurement failed; the peer is not measured further after an error.</summary>
    public string? Error { get; set; }

    public ProcessMemory? Memory { get; set; }

    /// <summary>The reported figure: the best sample (noise on a shared machine only ever slows a run).</summary>
    public Sample? Best(Scenario scenario) => Samples[scenario].MaxBy(s => s.MegabytesPerSecond);

    public Sample? Median(Scenario scenario)
    {
        var sorted = Samples[scenario].OrderBy(s => s.MegabytesPerSecond).ToList();
        return sorted.Count == 0 ? null : sorted[sorted.Count / 2];
    }

    /// <summary>The lowest server CPU per GB over the samples: like the best MB/s, the figure noise has inflated least.</summary>
    public double? LowestCpu(Scenario scenario) =>
        Samples[scenario].Select(s => s.ServerCpuPerGigabyte).OfType<double>().Order().Cast<double?>().FirstOrDefault();

    /// <summary>The median server CPU per GB over the samples.</summary>
    public double? MedianCpu(Scenario scenario)
    {
        var values = Samples[scenario].Select(s => s.ServerCpuPerGigabyte).OfType<double>().Order().ToList();
        return values.Count == 0 ? null : values[values.Count / 2];
    }
}
