using Stowage.Bench.Cli;
using Stowage.Bench.Data;
using Stowage.Bench.Peers;
using Stowage.Bench.Running;
using Stowage.Bench.Servers;
using Stowage.Bench.Sink;

namespace Stowage.Bench.S3;

/// <summary>
/// The S3 scenario (--only s3): one Stowage with fsync on, serving the Sessions API and S3; the Sessions
/// API reference, AWSSDK.S3 and awscli upload the same 1 GiB file to it and to the null sink in
/// interleaved rounds; then CompleteMultipartUpload of 1,000 parts is timed.
/// </summary>
internal static class S3Bench
{
    public const string Bucket = "bench";

    /// <summary>S3's minimum part size; the large-part Complete uses it.</summary>
    private const long MinPartBytes = 5 * BenchOptions.MiB;

    public static async Task<S3Results> RunAsync(BenchOptions options, TestData data, PidRegistry pids, TextWriter o, CancellationToken ct)
    {
        var results = new S3Results
        {
            SmallPartsShape = $"{options.S3Parts} x {S3Rounds.Size(options.S3SmallPartBytes)} parts",
            LargePartsShape = $"{options.S3Parts} x {S3Rounds.Size(MinPartBytes)} parts",
        };

        // MinPartBytes=1 lets the Complete measurement use small parts (the issue: "to keep it bounded").
        // It only changes Complete's size check, which no timed upload here depends on.
        var environment = new Dictionary<string, string> { ["Stowage__S3__MinPartBytes"] = "1" };
        await using var stowage = new StowagePeer(options, pids, fsync: true, instance: "-s3", environment);
        var baselineBuild = options.StowageBuilds.FirstOrDefault(b => b.IsBaseline);
        await using var baseline = baselineBuild is null ? null : new StowagePeer(options, pids, fsync: true, instance: "-s3", environment, baselineBuild);
        results.BaselineRequested = baseline is not null;
        await using var sink = NullSinkServer.Start(FreePort.Next());
        try
        {
            var credentials = await StartAsync(stowage, ct);
            o.WriteLine($"started {stowage.Name} with S3 on {stowage.S3BaseAddress}; bucket {Bucket}, key {credentials.AccessKeyId}");
            var baselineCredentials = baseline is null ? null : await StartBaselineAsync(baseline, results, o, ct);

            results.Hashes = HashThroughput.Measure();
            var digests = new FileDigests();
            await digests.GetAsync(data.Big, ct);

            await using var set = await S3VariantSet.CreateAsync(options, data, stowage, sink, credentials, digests, baselineCredentials is null ? null : (baseline!, baselineCredentials), ct);
            results.Variants.AddRange(set.Variants.Select(v => (v, new PeerResult(v.Key, $"{v.Client} -> {v.Server}", v.Describe()))));
            if (set.StowageCli is { } cli)
            {
                (results.AwsCliVersion, results.AwsCliStartSeconds) = await AwsCliStartAsync(cli, ct);
            }
            else
            {
                o.WriteLine($"SKIP awscli: {options.AwsCli} not found (Debian package awscli)");
            }

            o.WriteLine($"measuring {results.Variants.Count} client/server pairs, then Complete of {options.S3Parts} parts");
            var rounds = new S3Rounds(options, data, o);
            var completes = new List<CompleteTarget> { new(stowage.Name, new CompleteBench(set.StowageClient, Bucket, data.Big), results.SmallPartsComplete, IsBaseline: false) };
            if (set.BaselineClient is { } baselineClient)
            {
                completes.Add(new CompleteTarget(baseline!.Name, new CompleteBench(baselineClient, Bucket, data.Big), results.BaselineSmallPartsComplete, IsBaseline: true));
            }

            await rounds.RunAsync(results.Variants, results, completes, ct);
            if (options.S3LargeParts && data.Big.Length >= MinPartBytes)
            {
                foreach (var complete in completes)
                {
                    var samples = complete.IsBaseline ? results.BaselineLargePartsComplete : results.LargePartsComplete;
                    await rounds.MeasureCompleteAsync(complete.Bench, 0, "once", new PartLayout(data.Big, options.S3Parts, MinPartBytes), samples, ct, complete.Server);
                }
            }
        }
        catch (PeerUnavailableException e)
        {
            results.Skipped = e.Message;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            results.Skipped = $"failed to start: {e.Message}";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            o.WriteLine("stopped early (deadline or Ctrl+C): reporting what was measured");
        }
        finally
        {
            // Memory before stopping: VmHWM lives only as long as the process.
            results.StowageMemory = stowage.PeakMemory();
            results.BaselineMemory = baseline?.PeakMemory();
        }

        return results;
    }

    /// <summary>The baseline build's server; when it cannot run, the scenario goes on without its rows.</summary>
    private static async Task<S3Credentials?> StartBaselineAsync(StowagePeer baseline, S3Results results, TextWriter o, CancellationToken ct)
    {
        try
        {
            var credentials = await StartAsync(baseline, ct);
            o.WriteLine($"started {baseline.Name} with S3 on {baseline.S3BaseAddress}; bucket {Bucket}, key {credentials.AccessKeyId}");
            return credentials;
        }
        catch (Exception e) when (e is PeerUnavailableException or InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            results.BaselineSkipped = e.Message;
            o.WriteLine($"SKIP {baseline.Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>Starts the server, then creates the bucket and a long-lived key through the CLI.</summary>
    private static async Task<S3Credentials> StartAsync(StowagePeer stowage, CancellationToken ct)
    {
        await stowage.StartAsync(ct);
        var bucket = await stowage.RunCliAsync(["s3", "buckets", "create", "--data", stowage.DataDir, Bucket, "--json"], ct);
        if (bucket.ExitCode != 0)
        {
            throw new PeerUnavailableException($"'stowage s3 buckets create' exited with {bucket.ExitCode}: {(bucket.StandardError + bucket.StandardOutput).Trim()}");
        }

        var key = await stowage.RunCliAsync(["s3", "credentials", "create", "--data", stowage.DataDir, "--json"], ct);
        return (key.ExitCode == 0 ? S3Credentials.FromCliOutput(key.StandardOutput) : null)
            ?? throw new PeerUnavailableException($"'stowage s3 credentials create' exited with {key.ExitCode} and printed no accessKeyId/secretAccessKey: {(key.StandardError + key.StandardOutput).Trim()}");
    }

    private static async Task<(string Version, double? StartSeconds)> AwsCliStartAsync(AwsCli cli, CancellationToken ct)
    {
        var limit = TimeSpan.FromMinutes(1);
        var version = await cli.RunAsync(["--version"], limit, ct);
        double? best = null;
        for (var i = 0; i < 3; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var probe = await cli.RunAsync(["s3api", "head-bucket", "--bucket", Bucket, "--endpoint-url", cli.Endpoint], limit, ct);
            if (probe.ExitCode == 0)
            {
                best = Math.Min(best ?? double.MaxValue, clock.Elapsed.TotalSeconds);
            }
        }

        return ((version.StandardOutput + version.StandardError).Trim(), best);
    }
}
