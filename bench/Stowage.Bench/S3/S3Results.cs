using Stowage.Bench.Running;
using Stowage.Bench.Servers;

namespace Stowage.Bench.S3;

/// <summary>Everything the S3 scenario measured, for the report and the JSON.</summary>
internal sealed class S3Results
{
    /// <summary>One result per variant, in the report's order; samples are under <see cref="Scenario.Big"/>.</summary>
    public List<(IS3Variant Variant, PeerResult Result)> Variants { get; } = [];

    /// <summary>Per variant key: what verification saw worth reporting (e.g. "128 parts").</summary>
    public Dictionary<string, string> Notes { get; } = new(StringComparer.Ordinal);

    /// <summary>Complete of many small parts, once per round.</summary>
    public List<CompleteSample> SmallPartsComplete { get; } = [];

    /// <summary>Complete of as many 5 MiB parts, measured once (null when skipped).</summary>
    public List<CompleteSample> LargePartsComplete { get; } = [];

    /// <summary>"1000 x 64 KiB parts": what <see cref="SmallPartsComplete"/> completes.</summary>
    public string SmallPartsShape { get; set; } = "small parts";

    /// <summary>"1000 x 5 MiB parts": what <see cref="LargePartsComplete"/> completes.</summary>
    public string LargePartsShape { get; set; } = "5 MiB parts";

    /// <summary>Why the scenario could not run at all; null when it ran.</summary>
    public string? Skipped { get; set; }

    /// <summary>With a baseline build: Complete of many small parts against it, once per round.</summary>
    public List<CompleteSample> BaselineSmallPartsComplete { get; } = [];

    /// <summary>With a baseline build: the large-part Complete against it (empty when skipped).</summary>
    public List<CompleteSample> BaselineLargePartsComplete { get; } = [];

    /// <summary>Whether a baseline build was asked for (run.sh --baseline).</summary>
    public bool BaselineRequested { get; set; }

    /// <summary>Why the baseline build could not be run; its rows are then missing from the A/B table.</summary>
    public string? BaselineSkipped { get; set; }

    public ProcessMemory? BaselineMemory { get; set; }

    public string? AwsCliVersion { get; set; }

    /// <summary>awscli's own start-up plus one small request (head-bucket), best of 3: included in every cli upload.</summary>
    public double? AwsCliStartSeconds { get; set; }

    public HashThroughput? Hashes { get; set; }

    public ProcessMemory? StowageMemory { get; set; }

    /// <summary>Per variant key: CPU seconds per GB of each measurement.</summary>
    public Dictionary<string, List<CpuSample>> Cpu { get; } = new(StringComparer.Ordinal);

    public void AddCpu(string key, CpuSample sample)
    {
        if (!Cpu.TryGetValue(key, out var samples))
        {
            Cpu[key] = samples = [];
        }

        samples.Add(sample);
    }

    /// <summary>Median of one CPU figure over a variant's measurements; null if none was read.</summary>
    public double? MedianCpu(string key, Func<CpuSample, double?> figure)
    {
        var values = Cpu.GetValueOrDefault(key)?.Select(figure).OfType<double>().Order().ToList();
        return values is { Count: > 0 } ? values[values.Count / 2] : null;
    }

    public PeerResult? Find(string key) => Variants.FirstOrDefault(v => v.Variant.Key == key).Result;
}
