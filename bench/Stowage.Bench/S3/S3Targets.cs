using Stowage.Bench.Cli;
using Stowage.Bench.Reporting;
using Stowage.Bench.Running;
using static Stowage.Bench.S3.S3VariantKeys;

namespace Stowage.Bench.S3;

/// <summary>
/// The issue's S3 targets, on best samples of the same run (medians beside them). "Signed streaming" is
/// judged twice: as the SDK sends it by default (with a CRC32 trailer, so the ratio also carries the CRC)
/// and without a checksum on either side (the signature chain alone); for PutObject and TransferUtility.
/// </summary>
internal static class S3Targets
{
    /// <summary>Signed streaming costs at most 15% against UNSIGNED-PAYLOAD.</summary>
    public const double SignedVsUnsigned = 0.85;

    /// <summary>S3 PutObject at least 0.9x the Sessions API on the same file.</summary>
    public const double PutVsSessions = 0.9;

    /// <summary>Completing 1,000 parts under 1 s whatever their size.</summary>
    public const double CompleteMilliseconds = 1000;

    public static IReadOnlyList<TargetCheck> Evaluate(S3Results results)
    {
        var crc = SdkPayloadMode.SignedStreamingCrc32;
        var signed = SdkPayloadMode.SignedStreaming;
        var unsigned = SdkPayloadMode.Unsigned;
        return
        [
            Ratio(results, "PutObject: signed streaming + CRC32 (SDK default) / UNSIGNED-PAYLOAD", Put(StowageServer, crc), Put(StowageServer, unsigned), SignedVsUnsigned),
            Ratio(results, "PutObject: signed streaming / UNSIGNED-PAYLOAD (no checksum)", Put(StowageServer, signed), Put(StowageServer, unsigned), SignedVsUnsigned),
            Ratio(results, "TransferUtility: signed + CRC32 / UNSIGNED-PAYLOAD", TransferUtility(StowageServer, crc), TransferUtility(StowageServer, unsigned), SignedVsUnsigned),
            Ratio(results, "TransferUtility: signed / UNSIGNED-PAYLOAD (no checksum)", TransferUtility(StowageServer, signed), TransferUtility(StowageServer, unsigned), SignedVsUnsigned),
            Ratio(results, "PutObject (SDK default) / Sessions API", Put(StowageServer, crc), Sessions(StowageServer), PutVsSessions),
            Ratio(results, "PutObject UNSIGNED-PAYLOAD / Sessions API", Put(StowageServer, unsigned), Sessions(StowageServer), PutVsSessions),
            Ratio(results, "PutObject presigned, same HTTP client / Sessions API", PresignedPut(StowageServer), Sessions(StowageServer), PutVsSessions),
            Complete(results.SmallPartsComplete, results),
            Complete(results.LargePartsComplete, results),
        ];
    }

    /// <summary>
    /// With a baseline build: head / baseline for the S3 scenario's Stowage rows that run for both builds
    /// (bench/README.md, "A/B against a baseline build"); empty without one.
    /// </summary>
    public static IReadOnlyList<AbCheck> Ab(S3Results results, BenchOptions options)
    {
        if (!results.BaselineRequested)
        {
            return [];
        }

        var workload = $"{options.BigSize / BenchOptions.MiB} MiB file, S3 scenario's server (fsync on)";
        var checks = new List<AbCheck> { AbUpload(results, workload, "Sessions API (the S3 scenario's reference)", Sessions(StowageServer)) };
        foreach (var mode in S3VariantSet.AbModes)
        {
            checks.Add(AbUpload(results, workload, $"S3 SDK PutObject, {SdkPayloadModes.Label(mode)}", Put(StowageServer, mode)));
        }

        foreach (var mode in S3VariantSet.AbModes)
        {
            checks.Add(AbUpload(results, workload, $"S3 SDK TransferUtility (multipart), {SdkPayloadModes.Label(mode)}", TransferUtility(StowageServer, mode)));
        }

        checks.Add(AbComplete(results, $"S3 CompleteMultipartUpload, {results.SmallPartsShape}", results.SmallPartsComplete, results.BaselineSmallPartsComplete));
        if (results.LargePartsComplete.Count > 0 || results.BaselineLargePartsComplete.Count > 0)
        {
            checks.Add(AbComplete(results, $"S3 CompleteMultipartUpload, {results.LargePartsShape} (once)", results.LargePartsComplete, results.BaselineLargePartsComplete));
        }

        return checks;
    }

    private static AbCheck AbUpload(S3Results results, string workload, string protocol, string headKey)
    {
        var baselineKey = BaselineOf(headKey);
        var (head, baseline) = (results.Find(headKey), results.Find(baselineKey));
        var (hb, bb) = (head?.Best(Scenario.Big), baseline?.Best(Scenario.Big));
        return new AbCheck(workload, protocol, "MB/s", HigherIsBetter: true)
        {
            HeadBest = hb?.MegabytesPerSecond,
            BaselineBest = bb?.MegabytesPerSecond,
            HeadMedian = head?.Median(Scenario.Big)?.MegabytesPerSecond,
            BaselineMedian = baseline?.Median(Scenario.Big)?.MegabytesPerSecond,
            HeadCpu = results.MedianCpu(headKey, c => c.ServerSecondsPerGigabyte),
            BaselineCpu = results.MedianCpu(baselineKey, c => c.ServerSecondsPerGigabyte),
            Missing = hb is null ? $"head {(head?.Error is null ? "not measured" : "failed")}"
                : bb is null ? $"baseline {(results.BaselineSkipped is not null ? "skipped" : baseline?.Error is null ? "not measured" : "failed")}"
                : null,
        };
    }

    private static AbCheck AbComplete(S3Results results, string protocol, List<CompleteSample> head, List<CompleteSample> baseline)
    {
        static List<double> Ok(List<CompleteSample> samples) =>
            samples.Select(s => s.CompleteMilliseconds).Where(ms => !double.IsNaN(ms)).Order().ToList();
        var (h, b) = (Ok(head), Ok(baseline));
        return new AbCheck("S3 scenario's server (fsync on)", protocol, "ms", HigherIsBetter: false)
        {
            HeadBest = h.Count > 0 ? h[0] : null,
            BaselineBest = b.Count > 0 ? b[0] : null,
            HeadMedian = h.Count > 0 ? h[h.Count / 2] : null,
            BaselineMedian = b.Count > 0 ? b[b.Count / 2] : null,
            Missing = h.Count == 0 ? "head not measured or failed" : b.Count == 0 ? $"baseline {(results.BaselineSkipped is not null ? "skipped" : "not measured or failed")}" : null,
        };
    }

    private static TargetCheck Ratio(S3Results results, string name, string subjectKey, string referenceKey, double limit)
    {
        var (subject, reference) = (results.Find(subjectKey), results.Find(referenceKey));
        var (a, b) = (subject?.Best(Scenario.Big), reference?.Best(Scenario.Big));
        var missing = a is null ? $"{subjectKey} not measured" : b is null ? $"{referenceKey} not measured" : null;
        var (ma, mb) = (subject?.Median(Scenario.Big), reference?.Median(Scenario.Big));
        return new TargetCheck(name, a is null || b is null ? null : a.MegabytesPerSecond / b.MegabytesPerSecond, AtLeast: true, limit, "x", missing)
        {
            MedianValue = ma is null || mb is null ? null : ma.MegabytesPerSecond / mb.MegabytesPerSecond,
        };
    }

    private static TargetCheck Complete(List<CompleteSample> samples, S3Results results)
    {
        var name = samples == results.LargePartsComplete ? $"Complete {results.LargePartsShape} (once)" : $"Complete {results.SmallPartsShape}";
        var ok = samples.Where(x => !double.IsNaN(x.CompleteMilliseconds)).OrderBy(x => x.CompleteMilliseconds).ToList();
        var missing = samples.Count == 0 ? "not measured" : ok.Count < samples.Count ? "a Complete failed" : null;
        return new TargetCheck(name, missing is null ? ok[0].CompleteMilliseconds : null, AtLeast: false, CompleteMilliseconds, "ms", missing)
        {
            MedianValue = missing is null && ok.Count > 1 ? ok[ok.Count / 2].CompleteMilliseconds : null,
        };
    }
}
