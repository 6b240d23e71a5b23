using System.Diagnostics;
using Stowage.Bench.Cli;
using Stowage.Bench.Data;
using Stowage.Bench.Running;
using Stowage.Bench.Servers;

namespace Stowage.Bench.S3;

/// <summary>
/// The S3 scenario's measurements, kept fair as the upload scenario's are: an untimed warm-up per
/// variant; then rounds in which every variant uploads the big file once, starting at a different
/// variant each round; before each upload the previous one is deleted, the disk synced and the page
/// cache warmed; after it, the upload is verified. Each round ends with one timed Complete of many
/// small parts.
/// </summary>
internal sealed class S3Rounds(BenchOptions options, TestData data, TextWriter output)
{
    // Bounds one measurement: 1 GiB at a pathological 10 MB/s still fits.
    private static readonly TimeSpan MeasurementLimit = TimeSpan.FromMinutes(3);

    public async Task RunAsync(IReadOnlyList<(IS3Variant Variant, PeerResult Result)> variants, S3Results results, IReadOnlyList<CompleteTarget> completes, CancellationToken ct)
    {
        foreach (var (variant, result) in variants)
        {
            try
            {
                using var limit = Limit(ct);
                await variant.UploadAsync(data.Big, "warmup", limit.Token); // the whole file: see BenchRunner.WarmUpAsync
                await variant.CleanAsync(limit.Token);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                result.Error = $"warm-up: {e.GetType().Name}: {e.Message}";
                output.WriteLine($"  warm-up {Label(variant),-62} FAILED: {result.Error}");
            }
        }

        var smallParts = new PartLayout(data.Big, options.S3Parts, options.S3SmallPartBytes);
        foreach (var complete in completes)
        {
            await MeasureCompleteAsync(complete.Bench, -1, "warm-up", new PartLayout(data.Big, Math.Min(10, options.S3Parts), options.S3SmallPartBytes), null, ct);
        }

        for (var round = 0; round < options.Repeat; round++)
        {
            // With a baseline build, each Stowage row's two builds run back to back (RoundOrder).
            var order = RoundOrder.For(variants, v => S3VariantKeys.PairOf(v.Variant.Key), v => S3VariantKeys.IsBaseline(v.Variant.Key), round);
            foreach (var (variant, result) in order)
            {
                if (result.Error is not null)
                {
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                try
                {
                    var (sample, note, cpu) = await MeasureAsync(variant, round, ct);
                    result.Samples[Scenario.Big].Add(sample);
                    results.AddCpu(variant.Key, cpu);
                    if (note is not null)
                    {
                        results.Notes[variant.Key] = note;
                    }

                    output.WriteLine($"  round {round + 1}/{options.Repeat}  {Label(variant),-62} {sample.Seconds,7:F2} s {sample.MegabytesPerSecond,9:F1} MB/s{(cpu.ServerSecondsPerGigabyte is { } s ? $"  server {s:F2} CPU-s/GB" : "")}{(note is null ? "" : "  " + note)}");
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    result.Error = $"round {round + 1}: {e.GetType().Name}: {e.Message}";
                    output.WriteLine($"  round {round + 1}/{options.Repeat}  {Label(variant),-62} FAILED: {result.Error}");
                }
            }

            foreach (var complete in RoundOrder.For(completes, c => "complete", c => c.IsBaseline, round))
            {
                await MeasureCompleteAsync(complete.Bench, round, $"round {round + 1}/{options.Repeat}", smallParts, complete.Samples, ct, complete.Server);
            }
        }
    }

    /// <summary>Times one Complete; a failure is reported and recorded, and the run goes on.</summary>
    public async Task MeasureCompleteAsync(CompleteBench complete, int round, string when, PartLayout layout, List<CompleteSample>? samples, CancellationToken ct, string? server = null)
    {
        var what = $"Complete {layout.Parts} x {Size(layout.PartBytes)}{(server is null ? "" : " -> " + server)}";
        try
        {
            // The parts are sent and the object read back: 2 passes over its bytes at a pathological 20 MB/s.
            using var limit = Limit(ct, TimeSpan.FromSeconds(Math.Max(MeasurementLimit.TotalSeconds, 2 * layout.TotalBytes / 20e6)));
            var sample = await complete.MeasureAsync(round, layout, limit.Token);
            if (samples is null)
            {
                return;
            }

            samples.Add(sample);
            output.WriteLine($"  {when,-11}  {what,-62} {sample.CompleteMilliseconds,7:F0} ms (parts sent in {sample.PartsSeconds:F1} s)");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            output.WriteLine($"  {when,-11}  {what,-62} FAILED: {e.GetType().Name}: {e.Message}");
            if (samples is not null)
            {
                samples.Add(new CompleteSample(round + 1, layout.Parts, layout.PartBytes, double.NaN, double.NaN));
            }
        }
    }

    public static string Size(long bytes) => bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : bytes % 1024 == 0 ? $"{bytes >> 10} KiB" : $"{bytes} B";

    private async Task<(Sample Sample, string? Note, CpuSample Cpu)> MeasureAsync(IS3Variant variant, int round, CancellationToken ct)
    {
        using var limit = Limit(ct);

        // Untimed: leave the disk as quiet as the previous variant found it, and the page cache as warm.
        await variant.CleanAsync(limit.Token);
        await DiskSync.RunAsync(limit.Token);
        var bytes = data.Big.Length;
        await PageCacheWarmer.RunAsync(options.WorkDir, bytes + (bytes / 4) + (64L << 20), limit.Token);

        // CPU of the server and of this process (the SDK client, the sink, and awscli once it is reaped).
        var server = variant.ServerPid is { } pid ? ProcessCpu.Seconds(pid, withChildren: false) : null;
        var client = ProcessCpu.Seconds(Environment.ProcessId, withChildren: true);
        var clock = Stopwatch.StartNew();
        var locator = await variant.UploadAsync(data.Big, $"r{round}", limit.Token);
        clock.Stop();
        var cpu = new CpuSample(
            variant.ServerPid is { } after ? PerGigabyte(server, ProcessCpu.Seconds(after, withChildren: false), bytes) : null,
            PerGigabyte(client, ProcessCpu.Seconds(Environment.ProcessId, withChildren: true), bytes));
        var note = await variant.VerifyAsync(locator, data.Big, limit.Token);
        return (new Sample(round + 1, clock.Elapsed.TotalSeconds, data.Big.Length, 1), note, cpu);
    }

    private static double? PerGigabyte(double? before, double? after, long bytes) =>
        before is { } b && after is { } a ? (a - b) / (bytes / 1e9) : null;

    private static string Label(IS3Variant variant) => $"{variant.Client} -> {variant.Server}";

    private static CancellationTokenSource Limit(CancellationToken ct, TimeSpan? bound = null)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(bound ?? MeasurementLimit);
        return limit;
    }
}
