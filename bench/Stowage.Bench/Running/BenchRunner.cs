using System.Diagnostics;
using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Peers;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Running;

/// <summary>
/// Measures every peer in rounds: round r runs the big file for all peers, then the small
/// files for all peers, starting at a different peer each round. Interleaving spreads the
/// machine's noise over all peers instead of letting it land on one. With a baseline build,
/// each Stowage row's two builds run back to back, alternating which goes first (<see cref="RoundOrder"/>).
/// </summary>
internal sealed class BenchRunner(BenchOptions options, TestData data, TextWriter output)
{
    // Bounds one measurement: 1 GiB at a pathological 10 MB/s still fits.
    private static readonly TimeSpan MeasurementLimit = TimeSpan.FromMinutes(3);

    public async Task RunAsync(IReadOnlyList<(IPeer Peer, PeerResult Result)> peers, CancellationToken ct)
    {
        foreach (var (peer, result) in peers)
        {
            try
            {
                await WarmUpAsync(peer, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                result.Error = $"warm-up: {e.GetType().Name}: {e.Message}";
                output.WriteLine($"  warm-up {peer.Name,-40} FAILED: {result.Error}");
            }
        }

        for (var round = 0; round < options.Repeat; round++)
        {
            var order = RoundOrder.For(peers, p => AbPairs.PairOf(p.Peer.Key), p => AbPairs.IsBaseline(p.Peer.Key), round);
            foreach (var scenario in new[] { Scenario.Big, Scenario.Small })
            {
                foreach (var (peer, result) in order)
                {
                    if (result.Error is not null || !peer.Scenarios.Contains(scenario))
                    {
                        continue;
                    }

                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        var sample = await MeasureAsync(peer, scenario, round, ct);
                        result.Samples[scenario].Add(sample);
                        output.WriteLine($"  round {round + 1}/{options.Repeat}  {Label(scenario),-12} {peer.Name,-40} {sample.Seconds,7:F2} s {sample.MegabytesPerSecond,9:F1} MB/s{FilesRate(scenario, sample)}{Cpu(sample)}");
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        result.Error = $"{Label(scenario)}, round {round + 1}: {e.GetType().Name}: {e.Message}";
                        output.WriteLine($"  round {round + 1}/{options.Repeat}  {Label(scenario),-12} {peer.Name,-40} FAILED: {result.Error}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Untimed: one whole pass of both workloads, so that no round measures a JIT or a cold cache.
    /// A few chunks were not enough: .NET's tiered JIT promotes a method to optimised code after 30
    /// calls and a quiet spell, so Stowage's chunk path still ran unoptimised through the first
    /// measured gigabyte (its server CPU per GB fell by half over the first three uploads).
    /// </summary>
    private async Task WarmUpAsync(IPeer peer, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(MeasurementLimit);
        await peer.Client.UploadBigAsync(data.Big, "warmup", limit.Token);
        await peer.CleanAsync(limit.Token);
        if (!peer.Scenarios.Contains(Scenario.Small))
        {
            return;
        }

        var batch = await peer.Client.StartSmallBatchAsync("warmup-small", limit.Token);
        await SmallUploader.RunAsync(batch, data.Small, options.Parallel, limit.Token);
        await peer.CleanAsync(limit.Token);
    }

    private async Task<Sample> MeasureAsync(IPeer peer, Scenario scenario, int round, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(MeasurementLimit);

        // Untimed: leave the disk as quiet as the previous peer found it, and the page cache as warm.
        await peer.CleanAsync(limit.Token);
        await DiskSync.RunAsync(limit.Token);
        var bytes = scenario == Scenario.Big ? data.Big.Length : data.SmallTotalBytes;
        await PageCacheWarmer.RunAsync(options.WorkDir, bytes + (bytes / 4) + (64L << 20), limit.Token);

        var tag = $"r{round}-{scenario.ToString().ToLowerInvariant()}";

        // The server's CPU (all its processes) over the timed part: what the upload cost it, a figure a
        // busy machine distorts far less than the wall-clock throughput.
        var cpuBefore = ServerCpu(peer);
        if (scenario == Scenario.Big)
        {
            var clock = Stopwatch.StartNew();
            UploadedFile uploaded = await peer.Client.UploadBigAsync(data.Big, tag, limit.Token);
            clock.Stop();
            var cpu = ServerCpu(peer) - cpuBefore;
            await peer.VerifyBigAsync(uploaded, data, limit.Token);
            return new Sample(round + 1, clock.Elapsed.TotalSeconds, data.Big.Length, 1) { ServerCpuSeconds = cpu };
        }

        var timer = Stopwatch.StartNew();
        var batch = await peer.Client.StartSmallBatchAsync(tag, limit.Token);
        await SmallUploader.RunAsync(batch, data.Small, options.Parallel, limit.Token);
        timer.Stop();
        var smallCpu = ServerCpu(peer) - cpuBefore;
        await peer.VerifySmallAsync(batch, data, limit.Token);
        return new Sample(round + 1, timer.Elapsed.TotalSeconds, data.SmallTotalBytes, data.Small.Count) { ServerCpuSeconds = smallCpu };
    }

    private static double? ServerCpu(IPeer peer) => peer.ServerPid is { } pid ? ProcessCpu.TreeSeconds(pid) : null;

    public static string Label(Scenario scenario) => scenario == Scenario.Big ? "big file" : "small files";

    private static string Cpu(Sample sample) =>
        sample.ServerCpuPerGigabyte is { } cpu ? $"  server {cpu:F2} CPU-s/GB" : "";

    private static string FilesRate(Scenario scenario, Sample sample) =>
        scenario == Scenario.Small ? $" {sample.FilesPerSecond,8:F0} files/s" : "";
}
