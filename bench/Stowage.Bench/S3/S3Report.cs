using Stowage.Bench.Cli;
using Stowage.Bench.Reporting;
using Stowage.Bench.Running;

namespace Stowage.Bench.S3;

/// <summary>The S3 scenario's human report: the table, the ratios, Complete, the targets, the component costs.</summary>
internal static class S3Report
{
    public static void Print(TextWriter o, BenchOptions options, RunInfo info, S3Results results, IReadOnlyList<TargetCheck> targets, IReadOnlyList<AbCheck> ab)
    {
        o.WriteLine();
        o.WriteLine($"== S3: {options.BigSize / BenchOptions.MiB} MiB file, best of {options.Repeat} (median in brackets); MB = 10^6 bytes ==");
        if (results.Skipped is not null)
        {
            o.WriteLine($"SKIPPED: {results.Skipped}");
            return;
        }

        var stowage = results.Variants.Where(v => v.Variant.Key.StartsWith(S3VariantKeys.StowageServer + "/", StringComparison.Ordinal)).ToList();
        var server = stowage.FirstOrDefault().Variant?.Server ?? "Stowage";
        o.WriteLine($"{"client",-48}{server + " MB/s",-26}{"null sink MB/s",-22}{"of ceiling",-12}{"vs Sessions",-13}note");
        var sessions = results.Find(S3VariantKeys.Sessions(S3VariantKeys.StowageServer))?.Best(Scenario.Big);
        foreach (var (variant, result) in stowage)
        {
            var ceiling = results.Find(S3VariantKeys.Ceiling(variant.Key));
            var best = result.Best(Scenario.Big);
            var top = ceiling?.Best(Scenario.Big);
            var share = best is null || top is null ? "-" : $"{best.MegabytesPerSecond / top.MegabytesPerSecond:P0}";
            var vsSessions = best is null || sessions is null ? "-" : $"{best.MegabytesPerSecond / sessions.MegabytesPerSecond:F2}x";
            o.WriteLine($"{variant.Client,-48}{Figure(result),-26}{(ceiling is null ? "-" : Figure(ceiling)),-22}{share,-12}{vsSessions,-13}{results.Notes.GetValueOrDefault(variant.Key)}");
        }

        foreach (var (variant, result) in results.Variants.Where(v => v.Result.Error is not null))
        {
            o.WriteLine($"FAILED  {variant.Client} -> {variant.Server}: {result.Error}");
        }

        PrintCpu(o, results, stowage);

        o.WriteLine();
        o.WriteLine("CompleteMultipartUpload alone (parts sent before, disk synced, then the call timed):");
        PrintComplete(o, $"  {results.SmallPartsShape} (Stowage:S3:MinPartBytes=1)", results.SmallPartsComplete);
        PrintComplete(o, $"  {results.LargePartsShape}", results.LargePartsComplete);

        o.WriteLine();
        o.WriteLine("Clients:");
        foreach (var (variant, _) in stowage)
        {
            o.WriteLine($"  {variant.Client,-46} {variant.Describe()}");
        }

        o.WriteLine();
        o.WriteLine("Targets (ratios of best figures, same run; PASS/FAIL is judged on the best):");
        foreach (var t in targets)
        {
            var value = t.Value is { } v ? $"{v:F2} {t.Unit}" : t.Missing ?? "n/a";
            var median = t.MedianValue is { } mv ? $"   (medians: {mv:F2} {t.Unit})" : "";
            o.WriteLine($"  {t.Name,-70} {value,-20} {(t.AtLeast ? ">=" : "<="),2} {t.Limit,-6:0.0#} {t.Unit,-3} {t.Status}{median}");
        }

        if (results.BaselineSkipped is not null)
        {
            o.WriteLine();
            o.WriteLine($"A/B: the baseline build ({options.BaselineLabel}) could not be run: {results.BaselineSkipped}");
        }

        AbPrinter.Print(o, options.HeadLabel, options.BaselineLabel, ab);

        o.WriteLine();
        o.WriteLine("The same pairs with the client taken out (informational): ratio of each side's share of its own client ceiling;");
        o.WriteLine("and server CPU per GB, reference over subject (the ratio if the server's CPU were the only limit; a client that");
        o.WriteLine("trickles, as in the CRC32 modes, inflates the server's CPU with the runtime's spin-waiting):");
        foreach (var line in ServerSideView.Lines(results))
        {
            o.WriteLine(line);
        }

        o.WriteLine();
        if (results.Hashes is { } h)
        {
            o.WriteLine($"Per CPU-second of one core (in the harness, .NET): MD5 {h.Md5MegabytesPerSecond:F0} MB/s, SHA-256 {h.Sha256MegabytesPerSecond:F0} MB/s, SHA-256 + HMAC per 80 KiB chunk {h.SignedChunksMegabytesPerSecond:F0} MB/s.");
        }

        if (results.AwsCliStartSeconds is { } start)
        {
            o.WriteLine($"awscli ({results.AwsCliVersion}): start-up plus one head-bucket takes {start:F2} s (best of 3); every 'aws s3 cp' figure includes that.");
        }

        if (results.StowageMemory is { } m)
        {
            o.WriteLine($"Stowage peak RSS (VmHWM): {m.PeakRssBytes / 1e6:F0} MB");
        }

        if (results.BaselineMemory is { } bm)
        {
            o.WriteLine($"Baseline Stowage ({options.BaselineLabel}) peak RSS (VmHWM): {bm.PeakRssBytes / 1e6:F0} MB");
        }

        o.WriteLine($"machine: {info.Cores} cores, kernel {info.Kernel}, {info.Runtime}; load average {info.LoadAverageAtStart} at start, {info.LoadAverageAtEnd} at end");
    }

    private static void PrintCpu(TextWriter o, S3Results results, List<(IS3Variant Variant, PeerResult Result)> stowage)
    {
        o.WriteLine();
        o.WriteLine("CPU seconds per GB uploaded (one core-second per 10^9 bytes), median of the rounds; a busy machine distorts it far less than MB/s:");
        o.WriteLine($"{"client",-48}{"Stowage server",-16}{"client",-10}{"client + null sink",-20}");
        foreach (var (variant, _) in stowage)
        {
            var server = results.MedianCpu(variant.Key, c => c.ServerSecondsPerGigabyte);
            var client = results.MedianCpu(variant.Key, c => c.ClientSecondsPerGigabyte);
            var sink = results.MedianCpu(S3VariantKeys.Ceiling(variant.Key), c => c.ClientSecondsPerGigabyte);
            o.WriteLine($"{variant.Client,-48}{Seconds(server),-16}{Seconds(client),-10}{Seconds(sink),-20}");
        }

        static string Seconds(double? value) => value is { } v ? $"{v:F2}" : "-";
    }

    private static void PrintComplete(TextWriter o, string label, List<CompleteSample> samples)
    {
        if (samples.Count == 0)
        {
            o.WriteLine($"{label}: not measured");
            return;
        }

        var ok = samples.Where(s => !double.IsNaN(s.CompleteMilliseconds)).OrderBy(s => s.CompleteMilliseconds).ToList();
        if (ok.Count == 0)
        {
            o.WriteLine($"{label}: FAILED");
            return;
        }

        var median = ok[ok.Count / 2];
        var failed = ok.Count < samples.Count ? $", {samples.Count - ok.Count} FAILED" : "";
        o.WriteLine($"{label}: best {ok[0].CompleteMilliseconds:F0} ms (median {median.CompleteMilliseconds:F0} ms) of {ok.Count}{failed}; parts were sent in {ok.Min(s => s.PartsSeconds):F1}-{ok.Max(s => s.PartsSeconds):F1} s");
    }

    private static string Figure(PeerResult r)
    {
        var best = r.Best(Scenario.Big);
        var median = r.Median(Scenario.Big);
        return best is null ? "-" : median is null || ReferenceEquals(best, median) ? $"{best.MegabytesPerSecond:F1}" : $"{best.MegabytesPerSecond:F1} ({median.MegabytesPerSecond:F1})";
    }
}
