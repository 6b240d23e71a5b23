using System.Net;
using Stowage.Bench.Cli;
using Stowage.Bench.Http;
using Stowage.Bench.Peers;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Swarm;

/// <summary>
/// The swarm scenario (--only swarm): many clients at once, each uploading file after file in small
/// chunks, against Stowage's Sessions API and against @tus/server, one server at a time; each server is
/// started for its run alone, so its peak RSS is the swarm's. With a baseline build, that Stowage runs too.
/// </summary>
internal static class SwarmBench
{
    /// <summary>Bytes each request body is read and written in (see FileRangeContent).</summary>
    public const int BlockSize = 64 * 1024;

    // Descriptors the harness needs besides the clients' sockets (runtime, files, the servers' own).
    private const long SpareDescriptors = 1024;

    // Below this much free space in the scratch dir, the run stops early rather than fill the disk.
    private const long MinFreeBytes = 2L << 30;

    // The untimed warm-up: enough requests for the servers' JIT and caches, too few to matter for memory.
    private const int WarmUpClients = 32;
    private static readonly TimeSpan WarmUpDuration = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<SwarmResult>> RunAsync(BenchOptions options, PidRegistry pids, TextWriter o, CancellationToken ct)
    {
        var servers = new List<ISwarmServer>();
        foreach (var build in options.StowageBuilds.Where(_ => !options.SkipStowage))
        {
            servers.Add(new StowageSwarmServer(options, pids, build));
        }

        // tus between the two Stowage builds: neither build runs right after the other's disk traffic.
        servers.Insert(Math.Min(1, servers.Count), new TusSwarmServer(options, pids));

        var results = servers.Select(s => new SwarmResult(s.Key, s.Name)).ToList();
        var limit = OpenFileLimit.Soft();
        if (limit < options.SwarmClients + SpareDescriptors)
        {
            var why = $"open-file limit (ulimit -n) is {limit}; {options.SwarmClients} clients need at least {options.SwarmClients + SpareDescriptors} (run.sh raises it where allowed)";
            results.ForEach(r => r.Skipped = why);
            o.WriteLine($"SKIP swarm: {why}");
            return results;
        }

        using var source = await SwarmSource.CreateAsync(Path.Combine(options.WorkDir, "data"), options.SwarmFileBytes, ct);
        o.WriteLine($"swarm: {options.SwarmClients} clients for {options.SwarmDuration.TotalSeconds:F0} s per server, {options.SwarmFileBytes / 1024} KiB files in {options.SwarmChunkBytes / 1024} KiB chunks; open-file limit {limit}");
        try
        {
            for (var i = 0; i < servers.Count; i++)
            {
                await using var server = servers[i];
                await RunOneAsync(options, server, results[i], source, o, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            o.WriteLine("swarm stopped early (deadline or Ctrl+C): reporting what was measured");
        }

        return results;
    }

    /// <summary>Removes a server's scratch directory after its run (a swarm can leave gigabytes).</summary>
    public static void RemoveDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // run.sh removes the whole scratch dir at the end anyway.
        }
    }

    private static async Task RunOneAsync(BenchOptions options, ISwarmServer server, SwarmResult result, SwarmSource source, TextWriter o, CancellationToken ct)
    {
        try
        {
            await server.StartAsync(ct);
            result.Protocol = server.Describe();
            o.WriteLine($"started {server.Name} for the swarm");
        }
        catch (PeerUnavailableException e)
        {
            result.Skipped = e.Message;
            o.WriteLine($"SKIP {server.Name}: {e.Message}");
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            result.Error = $"failed to start: {e.Message}";
            o.WriteLine($"FAILED {server.Name}: {result.Error}");
            return;
        }

        try
        {
            var warmUpClients = Math.Min(WarmUpClients, options.SwarmClients);
            SwarmOutcome warmUp;
            using (var warmUpHttp = CreateHttp(server.BaseAddress, warmUpClients))
            {
                warmUp = await new SwarmLoad(source, server.Protocol(warmUpHttp), warmUpClients, options.SwarmChunkBytes, Min(WarmUpDuration, options.SwarmDuration), options.SmallExtension, () => null).RunAsync(ct);
            }

            result.WarmUpErrors = warmUp.ErrorCount;
            o.WriteLine($"  warm-up {server.Name}: {warmUp.Completed.Count} uploads, {warmUp.ErrorCount} errors (untimed)");

            // Untimed: the warm-up's pending write-back must not land in the run.
            await DiskSync.RunAsync(ct);
            using var http = CreateHttp(server.BaseAddress, options.SwarmClients);
            var load = new SwarmLoad(source, server.Protocol(http), options.SwarmClients, options.SwarmChunkBytes, options.SwarmDuration, options.SmallExtension, () => DiskLow(options.WorkDir));
            var cpuBefore = server.ServerPid is { } pid ? ProcessCpu.TreeSeconds(pid) : null;
            var outcome = await load.RunAsync(ct);
            result.ServerCpuSeconds = server.ServerPid is { } after ? ProcessCpu.TreeSeconds(after) - cpuBefore : null;
            result.Outcome = outcome;

            // Memory before anything else runs in the server: the peak is the swarm's.
            result.Memory = server.PeakMemory();
            var p50 = SwarmOutcome.Percentile(outcome.ChunkMilliseconds, 50);
            var p99 = SwarmOutcome.Percentile(outcome.ChunkMilliseconds, 99);
            o.WriteLine($"  swarm   {server.Name}: {outcome.Completed.Count} uploads completed, {outcome.Unfinished} cut by the time bound, {outcome.ErrorCount} errors; chunk p50 {p50:F0} ms, p99 {p99:F0} ms; {outcome.BytesAcknowledged / 1e6 / outcome.Seconds:F1} MB/s over {outcome.Seconds:F1} s{(outcome.StoppedEarly is null ? "" : "; stopped early: " + outcome.StoppedEarly)}");

            var sample = Sample(outcome.Completed, options.SwarmVerify);
            using var verifyLimit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            verifyLimit.CancelAfter(TimeSpan.FromMinutes(3));
            result.Verification = await server.VerifyAsync(outcome.Completed, sample, source, verifyLimit.Token);
            o.WriteLine($"  verify  {server.Name}: {result.Verification.Hashed} SHA-256 checked, {result.Verification.Failures.Count} failures");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            result.Error = "stopped (deadline or Ctrl+C) before the run ended";
            result.Memory ??= server.PeakMemory();
            throw;
        }
    }

    /// <summary>Up to <paramref name="count"/> uploads spread evenly over the run (early, middle and late ones).</summary>
    private static List<SwarmUpload> Sample(IReadOnlyList<SwarmUpload> completed, int count)
    {
        var take = Math.Min(count, completed.Count);
        return [.. Enumerable.Range(0, take).Select(i => completed[(int)((long)i * completed.Count / take)])];
    }

    /// <summary>One connection per client: a single handler whose pool may open as many as there are clients.</summary>
    private static HttpClient CreateHttp(Uri baseAddress, int clients)
    {
        var handler = BenchHttp.NewHandler();
        handler.MaxConnectionsPerServer = clients;

        // A thousand connects at once may overflow the listen backlog; a SYN retried after 1-3 s still connects.
        handler.ConnectTimeout = TimeSpan.FromSeconds(15);
        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = SwarmLoad.RequestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    private static string? DiskLow(string directory)
    {
        long free;
        try
        {
            // On Linux DriveInfo takes any path and asks statvfs(2) about its file system.
            free = new DriveInfo(directory).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        return free < MinFreeBytes ? $"the scratch disk was down to {free / (double)(1L << 30):F1} GiB free" : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
