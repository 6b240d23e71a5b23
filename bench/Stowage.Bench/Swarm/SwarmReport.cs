using System.Text.Json;
using Stowage.Bench.Cli;
using Stowage.Bench.Reporting;

namespace Stowage.Bench.Swarm;

/// <summary>The swarm's human report and its JSON (bench/out/swarm-&lt;UTC time&gt;.json).</summary>
internal static class SwarmReport
{
    private const int MaxErrorKinds = 12;

    public static void Print(TextWriter o, BenchOptions options, RunInfo info, IReadOnlyList<SwarmResult> results)
    {
        o.WriteLine();
        o.WriteLine($"== Swarm: {options.SwarmClients} clients for {options.SwarmDuration.TotalSeconds:F0} s per server, {options.SwarmFileBytes / 1024} KiB files in {options.SwarmChunkBytes / 1024} KiB chunks; Stowage fsync {(options.SwarmFsync ? "on" : "off")}; MB = 10^6 bytes ==");
        o.WriteLine($"{"server",-44}{"completed",10}{"cut",6}{"MB/s",9}{"chunks",9}{"p50 ms",9}{"p99 ms",9}{"max ms",9}{"errors",8}{"peak RSS",10}{"CPU-s/GB",10}");
        foreach (var r in results)
        {
            if (r.Skipped is not null || r.Outcome is not { } x)
            {
                o.WriteLine($"{r.Name,-44}{(r.Skipped is not null ? "SKIPPED: " + r.Skipped : "FAILED: " + r.Error)}");
                continue;
            }

            var rss = r.Memory is { } m ? $"{m.PeakRssBytes / 1e6:F0} MB" : "-";
            o.WriteLine($"{r.Name,-44}{x.Completed.Count,10}{x.Unfinished,6}{x.BytesAcknowledged / 1e6 / x.Seconds,9:F1}{x.Chunks,9}{Ms(x.ChunkMilliseconds, 50),9}{Ms(x.ChunkMilliseconds, 99),9}{Ms(x.ChunkMilliseconds, 100),9}{x.ErrorCount,8}{rss,10}{(r.ServerCpuPerGigabyte is { } c ? $"{c:F2}" : "-"),10}");
        }

        o.WriteLine("  completed: uploads whose every chunk was acknowledged; cut: started but stopped by the time bound (not errors);");
        o.WriteLine("  MB/s: acknowledged chunk bytes over the run; latency: one chunk request, sent to answer read; CPU-s/GB: the server's.");

        foreach (var r in results.Where(r => r.Outcome is not null))
        {
            var x = r.Outcome!;
            o.WriteLine();
            o.WriteLine($"{r.Name}: {r.Protocol}");
            o.WriteLine($"  creation requests: p50 {Ms(x.CreateMilliseconds, 50)} ms, p99 {Ms(x.CreateMilliseconds, 99)} ms; warm-up errors (untimed) {r.WarmUpErrors}{(x.StoppedEarly is null ? "" : "; STOPPED EARLY: " + x.StoppedEarly)}");
            foreach (var (kind, (count, example)) in x.Errors.OrderByDescending(e => e.Value.Count).Take(MaxErrorKinds))
            {
                o.WriteLine($"  error x{count}: {kind}   e.g. {example}");
            }

            if (x.Errors.Count > MaxErrorKinds)
            {
                o.WriteLine($"  … {x.Errors.Count - MaxErrorKinds} more kinds in the JSON");
            }

            if (r.Verification is { Hashed: 0 } && x.Completed.Count == 0)
            {
                o.WriteLine("  verified: nothing (no upload completed within the time bound: fewer clients, smaller files or more seconds would let some finish)");
            }
            else if (r.Verification is { } v)
            {
                var sizes = v.SizeChecked > 0 ? $"; size of all {v.SizeChecked} checked" : "";
                o.WriteLine($"  verified: {v.Hashed} of {x.Completed.Count} uploads' SHA-256 ({v.Method}){sizes}: {(v.Passed ? "OK" : "FAILED")}");
                foreach (var failure in v.Failures.Take(5))
                {
                    o.WriteLine($"    {failure}");
                }
            }

            foreach (var goal in SwarmGoals.Evaluate(r))
            {
                var value = goal.Value is { } g ? $"{g.ToString(goal.Unit == "MB" ? "F0" : "0.##", System.Globalization.CultureInfo.InvariantCulture)} {goal.Unit}" : goal.Missing ?? "n/a";
                o.WriteLine($"  goal {goal.Name,-28} {value,-14} {(goal.AtLeast ? ">=" : "<="),2} {goal.Limit:0.##} {goal.Unit,-3} {goal.Status}");
            }
        }

        o.WriteLine();
        o.WriteLine($"machine: {info.Cores} cores, kernel {info.Kernel}, {info.Runtime}; load average {info.LoadAverageAtStart} at start, {info.LoadAverageAtEnd} at end");
    }

    /// <summary>Whether a server's run is unusable: failed to start, broke off, or stored something else than was sent.</summary>
    public static bool Failed(SwarmResult r) => r.Error is not null || r.Verification is { Passed: false };

    public static async Task<string> WriteAsync(BenchOptions options, RunInfo info, IReadOnlyList<SwarmResult> results, CancellationToken ct)
    {
        Directory.CreateDirectory(options.OutDir);
        var path = Path.Combine(options.OutDir, $"swarm-{info.StartedAt:yyyyMMdd-HHmmss}.json");
        var document = new
        {
            started_at = info.StartedAt,
            machine = new { cores = info.Cores, memory_bytes = info.MemoryBytes, kernel = info.Kernel, runtime = info.Runtime, load_average_start = info.LoadAverageAtStart, load_average_end = info.LoadAverageAtEnd },
            versions = info.Versions,
            builds = new { head = options.HeadLabel, baseline = options.BaselineCommand is null ? null : options.BaselineLabel },
            workload = new
            {
                clients = options.SwarmClients,
                seconds = options.SwarmDuration.TotalSeconds,
                file_bytes = options.SwarmFileBytes,
                chunk_bytes = options.SwarmChunkBytes,
                stowage_fsync = options.SwarmFsync,
            },
            servers = results.Select(r => new
            {
                key = r.Key,
                name = r.Name,
                protocol = r.Protocol,
                skipped = r.Skipped,
                error = r.Error,
                completed_uploads = r.Outcome?.Completed.Count,
                cut_by_time_bound = r.Outcome?.Unfinished,
                chunks = r.Outcome?.Chunks,
                bytes_acknowledged = r.Outcome?.BytesAcknowledged,
                seconds = r.Outcome?.Seconds,
                stopped_early = r.Outcome?.StoppedEarly,
                chunk_ms = r.Outcome is { } x ? new { p50 = SwarmOutcome.Percentile(x.ChunkMilliseconds, 50), p90 = SwarmOutcome.Percentile(x.ChunkMilliseconds, 90), p99 = SwarmOutcome.Percentile(x.ChunkMilliseconds, 99), max = SwarmOutcome.Percentile(x.ChunkMilliseconds, 100) } : null,
                create_ms = r.Outcome is { } y ? new { p50 = SwarmOutcome.Percentile(y.CreateMilliseconds, 50), p99 = SwarmOutcome.Percentile(y.CreateMilliseconds, 99) } : null,
                errors = r.Outcome?.Errors.Select(e => new { kind = e.Key, count = e.Value.Count, example = e.Value.Example }),
                warm_up_errors = r.WarmUpErrors,
                peak_rss_bytes = r.Memory?.PeakRssBytes,
                server_cpu_seconds = r.ServerCpuSeconds,
                server_cpu_s_per_gb = r.ServerCpuPerGigabyte,
                verification = r.Verification is { } v ? new { method = v.Method, hashed = v.Hashed, size_checked = v.SizeChecked, failures = v.Failures } : null,
                goals = SwarmGoals.Evaluate(r).Select(t => new { name = t.Name, value = t.Value, comparison = t.AtLeast ? ">=" : "<=", limit = t.Limit, unit = t.Unit, status = t.Status, missing = t.Missing }),
            }),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }), ct);
        return path;
    }

    private static string Ms(float[] sorted, double p) => SwarmOutcome.Percentile(sorted, p) is { } v ? $"{v:F0}" : "-";
}
