using System.Diagnostics;
using System.Runtime.InteropServices;
using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Peers;
using Stowage.Bench.Reporting;
using Stowage.Bench.Running;
using Stowage.Bench.S3;
using Stowage.Bench.Servers;
using Stowage.Bench.Sink;
using Stowage.Bench.Swarm;

namespace Stowage.Bench;

/// <summary>Starts the peers, runs the rounds, stops everything, reports.</summary>
internal static class BenchProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Console.Out;
        if (args.Contains("--help") || args.Contains("-h"))
        {
            o.WriteLine(OptionsParser.Usage);
            return 0;
        }

        var options = OptionsParser.Parse(args, out var error);
        if (options is null || options.Only.Except(BenchOptions.KnownFamilies).Any())
        {
            await Console.Error.WriteLineAsync($"{error ?? "--only takes: " + string.Join(',', BenchOptions.KnownFamilies)}\n{OptionsParser.Usage}");
            return 2;
        }

        Directory.CreateDirectory(options.WorkDir);
        var pids = new PidRegistry(Path.Combine(options.WorkDir, "pids"));
        using var stop = new CancellationTokenSource(options.Deadline);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // SIGTERM like Ctrl+C: stop measuring, still stop the servers and report.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var info = RunInfo.Capture(TimeProvider.System.GetUtcNow(), await PeerVersions.ReadAsync(options, stop.Token));
        var rounds = options.Only.Overlaps(BenchOptions.AllFamilies) || options.Only.Contains(BenchOptions.S3Family) ? $"{options.Repeat} rounds; " : "";
        o.WriteLine($"Stowage upload bench: {string.Join(", ", options.Only.Order(StringComparer.Ordinal))}; {rounds}scratch {options.WorkDir}");
        var clock = Stopwatch.StartNew();
        var uploads = options.Only.Overlaps(BenchOptions.AllFamilies);
        var s3 = options.Only.Contains(BenchOptions.S3Family);
        if (options.BaselineCommand is not null)
        {
            o.WriteLine($"A/B: Stowage {options.HeadLabel} ({options.StowageCommand}) against baseline {options.BaselineLabel} ({options.BaselineCommand})");
        }

        var status = 0;
        if (uploads || s3)
        {
            // The S3 scenario uploads only the big file: no small files to generate for it alone.
            var data = await TestData.CreateAsync(uploads ? options : options with { SmallCount = 0 }, stop.Token);
            o.WriteLine($"generated {data.Big.Length / BenchOptions.MiB} MiB + {data.Small.Count} x {options.SmallSize / 1024} KiB of random data in {clock.Elapsed.TotalSeconds:F1} s");
            status = uploads ? await RunUploadsAsync(options, info, data, pids, o, stop) : 0;
            if (s3)
            {
                status = Math.Max(status, await RunS3Async(options, info, data, pids, o, stop));
            }
        }

        if (options.Only.Contains(BenchOptions.SwarmFamily))
        {
            status = Math.Max(status, await RunSwarmAsync(options, info, pids, o, stop));
        }

        o.WriteLine($"total {clock.Elapsed.TotalMinutes:F1} min");
        return status;
    }

    private static async Task<int> RunS3Async(BenchOptions options, RunInfo info, TestData data, PidRegistry pids, TextWriter o, CancellationTokenSource stop)
    {
        S3Results results;
        try
        {
            results = await S3Bench.RunAsync(options, data, pids, o, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            o.WriteLine("S3 scenario stopped before it measured anything");
            return 0;
        }

        info.LoadAverageAtEnd = RunInfo.LoadAverage();
        var targets = S3Targets.Evaluate(results);
        var ab = S3Targets.Ab(results, options);
        S3Report.Print(o, options, info, results, targets, ab);
        var json = await S3JsonReport.WriteAsync(options, info, results, targets, ab, CancellationToken.None);
        o.WriteLine($"json: {json}");
        var failed = results.Variants.Any(v => v.Result.Error is not null)
            || results.SmallPartsComplete.Concat(results.LargePartsComplete).Concat(results.BaselineSmallPartsComplete).Concat(results.BaselineLargePartsComplete).Any(c => double.IsNaN(c.CompleteMilliseconds));
        return failed ? 1 : 0;
    }

    private static async Task<int> RunSwarmAsync(BenchOptions options, RunInfo info, PidRegistry pids, TextWriter o, CancellationTokenSource stop)
    {
        IReadOnlyList<SwarmResult> results;
        try
        {
            results = await SwarmBench.RunAsync(options, pids, o, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            o.WriteLine("swarm stopped early (deadline or Ctrl+C)");
            return 0;
        }

        info.LoadAverageAtEnd = RunInfo.LoadAverage();
        SwarmReport.Print(o, options, info, results);
        var json = await SwarmReport.WriteAsync(options, info, results, CancellationToken.None);
        o.WriteLine($"json: {json}");
        return results.Any(SwarmReport.Failed) ? 1 : 0;
    }

    /// <summary>The upload scenario: the peers of --only, big file and small files, interleaved rounds.</summary>
    private static async Task<int> RunUploadsAsync(BenchOptions options, RunInfo info, TestData data, PidRegistry pids, TextWriter o, CancellationTokenSource stop)
    {
        NullSinkServer? sink = options.Only.Contains("sink") ? NullSinkServer.Start(FreePort.Next()) : null;
        var peers = CreatePeers(options, pids, sink);
        var results = new List<PeerResult>();
        var started = new List<(IPeer, PeerResult)>();
        try
        {
            foreach (var peer in peers)
            {
                var result = await StartAsync(peer, o, stop.Token);
                results.Add(result);
                if (result.Skipped is null && result.Error is null)
                {
                    started.Add((peer, result));
                }
            }

            o.WriteLine($"measuring {started.Count} peers (big file, then small files, each round)");
            await new BenchRunner(options, data, o).RunAsync(started, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            o.WriteLine("stopped early (deadline or Ctrl+C): reporting what was measured");
        }
        finally
        {
            // Memory before stopping: VmHWM lives only as long as the process.
            foreach (var (peer, result) in started)
            {
                result.Memory = peer.PeakMemory();
            }

            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }

            if (sink is not null)
            {
                await sink.DisposeAsync();
            }
        }

        info.LoadAverageAtEnd = RunInfo.LoadAverage();
        var ceilingOf = peers.ToDictionary(p => p.Key, p => p.CeilingKey);
        var byKey = results.ToDictionary(r => r.Key);
        var targets = Targets.Evaluate(byKey);
        var context = Targets.Context(byKey);
        var ab = Targets.Ab(byKey, options);
        ReportPrinter.Print(o, options, info, results, ceilingOf, targets, context, ab);
        var json = await JsonReport.WriteAsync(options, info, results, targets, context, ab, CancellationToken.None);
        o.WriteLine($"json: {json}");
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static List<IPeer> CreatePeers(BenchOptions options, PidRegistry pids, NullSinkServer? sink)
    {
        var peers = new List<IPeer>();
        if (sink is not null)
        {
            peers.Add(new SinkPeer("sink-sessions", "ceiling: Sessions client -> sink", sink, http => new SessionsClient(http, options.ChunkSize), options.Parallel));
            peers.Add(new SinkPeer("sink-tus", "ceiling: tus client -> sink", sink, http => new TusClient(http, "files", options.ChunkSize, options.TusSmallMode), options.Parallel));
            peers.Add(new SinkPeer("sink-put", "ceiling: PUT client -> sink", sink, http => new PutClient(http, "put/"), options.Parallel));
        }

        if (options.Only.Contains("nginx"))
        {
            peers.Add(new NginxPeer(options, pids, chunked: false));
            peers.Add(new NginxPeer(options, pids, chunked: true));
        }

        if (options.Only.Contains("tus"))
        {
            peers.Add(new TusPeer(options, pids));
        }

        if (options.Only.Contains("stowage"))
        {
            // With a baseline, both builds of each row; the rounds pair them up (RoundOrder).
            foreach (var build in options.StowageBuilds)
            {
                peers.Add(new StowagePeer(options, pids, fsync: true, build: build));
                peers.Add(new StowagePeer(options, pids, fsync: false, build: build));
            }
        }

        return peers;
    }

    private static async Task<PeerResult> StartAsync(IPeer peer, TextWriter o, CancellationToken ct)
    {
        var result = new PeerResult(peer.Key, peer.Name, "");
        try
        {
            await peer.StartAsync(ct);
            result = new PeerResult(peer.Key, peer.Name, peer.Client.Describe());
            o.WriteLine($"started {peer.Name}");
        }
        catch (PeerUnavailableException e)
        {
            result.Skipped = e.Message;
            o.WriteLine($"SKIP {peer.Name}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            result.Error = $"failed to start: {e.Message}";
            o.WriteLine($"FAILED {peer.Name}: {result.Error}");
        }

        return result;
    }
}
