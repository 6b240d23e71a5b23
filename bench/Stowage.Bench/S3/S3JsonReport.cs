using System.Text.Json;
using Stowage.Bench.Cli;
using Stowage.Bench.Reporting;
using Stowage.Bench.Running;

namespace Stowage.Bench.S3;

/// <summary>The S3 scenario's machine-readable report: bench/out/s3-&lt;UTC time&gt;.json.</summary>
internal static class S3JsonReport
{
    public static async Task<string> WriteAsync(BenchOptions options, RunInfo info, S3Results results, IReadOnlyList<TargetCheck> targets, IReadOnlyList<AbCheck> ab, CancellationToken ct)
    {
        Directory.CreateDirectory(options.OutDir);
        var path = Path.Combine(options.OutDir, $"s3-{info.StartedAt:yyyyMMdd-HHmmss}.json");
        var document = new
        {
            started_at = info.StartedAt,
            figure = "best sample; MB = 10^6 bytes",
            machine = new { cores = info.Cores, memory_bytes = info.MemoryBytes, kernel = info.Kernel, runtime = info.Runtime, load_average_start = info.LoadAverageAtStart, load_average_end = info.LoadAverageAtEnd },
            workload = new { repeat = options.Repeat, big_bytes = options.BigSize, complete_parts = options.S3Parts, complete_part_bytes = options.S3SmallPartBytes },
            skipped = results.Skipped,
            awscli = new { version = results.AwsCliVersion, start_seconds = results.AwsCliStartSeconds },
            hashes_mb_per_s = results.Hashes,
            stowage_peak_rss_bytes = results.StowageMemory?.PeakRssBytes,
            builds = new { head = options.HeadLabel, baseline = options.BaselineCommand is null ? null : options.BaselineLabel, baseline_command = options.BaselineCommand, baseline_skipped = results.BaselineSkipped },
            baseline_peak_rss_bytes = results.BaselineMemory?.PeakRssBytes,
            variants = results.Variants.Select(v => new
            {
                key = v.Variant.Key,
                client = v.Variant.Client,
                server = v.Variant.Server,
                how = v.Result.Client,
                note = results.Notes.GetValueOrDefault(v.Variant.Key),
                error = v.Result.Error,
                best_mb_per_s = v.Result.Best(Scenario.Big)?.MegabytesPerSecond,
                median_mb_per_s = v.Result.Median(Scenario.Big)?.MegabytesPerSecond,
                median_server_cpu_s_per_gb = results.MedianCpu(v.Variant.Key, c => c.ServerSecondsPerGigabyte),
                median_client_cpu_s_per_gb = results.MedianCpu(v.Variant.Key, c => c.ClientSecondsPerGigabyte),
                cpu = results.Cpu.GetValueOrDefault(v.Variant.Key),
                samples = v.Result.Samples[Scenario.Big].Select(s => new { round = s.Round, seconds = s.Seconds, bytes = s.Bytes, mb_per_s = s.MegabytesPerSecond }),
            }),
            complete = CompleteJson("head", results.SmallPartsComplete.Concat(results.LargePartsComplete))
                .Concat(CompleteJson("baseline", results.BaselineSmallPartsComplete.Concat(results.BaselineLargePartsComplete))),
            targets = targets.Select(t => new { name = t.Name, value = t.Value, median_value = t.MedianValue, comparison = t.AtLeast ? ">=" : "<=", limit = t.Limit, unit = t.Unit, status = t.Status, missing = t.Missing }),
            ab = ab.Select(AbPrinter.Json),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }), ct);
        return path;
    }

    private static IEnumerable<object> CompleteJson(string build, IEnumerable<CompleteSample> samples) => samples.Select(c => new
    {
        build,
        round = c.Round,
        parts = c.Parts,
        part_bytes = c.PartBytes,
        complete_ms = double.IsNaN(c.CompleteMilliseconds) ? (double?)null : c.CompleteMilliseconds,
        parts_seconds = double.IsNaN(c.PartsSeconds) ? (double?)null : c.PartsSeconds,
    });
}
