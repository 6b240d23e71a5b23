using System.Text.Json;
using Stowage.Bench.Cli;
using Stowage.Bench.Running;

namespace Stowage.Bench.Reporting;

/// <summary>The machine-readable report, one file per run under bench/out/.</summary>
internal static class JsonReport
{
    public static async Task<string> WriteAsync(BenchOptions options, RunInfo info, IReadOnlyList<PeerResult> results, IReadOnlyList<TargetCheck> targets, IReadOnlyList<TargetCheck> context, IReadOnlyList<AbCheck> ab, CancellationToken ct)
    {
        Directory.CreateDirectory(options.OutDir);
        var path = Path.Combine(options.OutDir, $"bench-{info.StartedAt:yyyyMMdd-HHmmss}.json");
        var document = new
        {
            started_at = info.StartedAt,
            figure = "best sample; MB = 10^6 bytes",
            machine = new { cores = info.Cores, memory_bytes = info.MemoryBytes, kernel = info.Kernel, runtime = info.Runtime, load_average_start = info.LoadAverageAtStart, load_average_end = info.LoadAverageAtEnd },
            versions = info.Versions,
            builds = new { head = options.HeadLabel, baseline = options.BaselineCommand is null ? null : options.BaselineLabel, baseline_command = options.BaselineCommand },
            workload = new
            {
                repeat = options.Repeat,
                big_bytes = options.BigSize,
                chunk_bytes = options.ChunkSize,
                small_count = options.SmallCount,
                small_bytes = options.SmallSize,
                parallel = options.Parallel,
                tus_small_mode = options.TusSmallMode,
            },
            peers = results.Select(r => new
            {
                key = r.Key,
                name = r.Name,
                client = r.Client,
                skipped = r.Skipped,
                error = r.Error,
                peak_rss_bytes = r.Memory?.PeakRssBytes,
                peak_rss_process = r.Memory is { } m ? $"{m.Pid} {m.Command}" : null,
                big = ScenarioJson(r, Running.Scenario.Big),
                small = ScenarioJson(r, Running.Scenario.Small),
            }),
            targets = targets.Select(t => new { name = t.Name, value = t.Value, median_value = t.MedianValue, comparison = t.AtLeast ? ">=" : "<=", limit = t.Limit, unit = t.Unit, status = t.Status, missing = t.Missing }),
            context = context.Select(c => new { name = c.Name, value = c.Value, median_value = c.MedianValue, unit = c.Unit, missing = c.Missing }),
            ab = ab.Select(AbPrinter.Json),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }), ct);
        return path;
    }

    private static object ScenarioJson(PeerResult r, Scenario scenario) => new
    {
        best_mb_per_s = r.Best(scenario)?.MegabytesPerSecond,
        best_files_per_s = r.Best(scenario)?.FilesPerSecond,
        median_mb_per_s = r.Median(scenario)?.MegabytesPerSecond,
        median_server_cpu_s_per_gb = r.MedianCpu(scenario),
        samples = r.Samples[scenario].Select(s => new { round = s.Round, seconds = s.Seconds, bytes = s.Bytes, files = s.Files, mb_per_s = s.MegabytesPerSecond, files_per_s = s.FilesPerSecond, server_cpu_s = s.ServerCpuSeconds }),
    };
}
