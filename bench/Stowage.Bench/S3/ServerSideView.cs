using Stowage.Bench.Running;
using static Stowage.Bench.S3.S3VariantKeys;

namespace Stowage.Bench.S3;

/// <summary>
/// The targets' pairs with the client taken out, two ways. On 2 shared cores a signed upload is slower
/// partly because the client signs (the null sink shows it), which no server can help. (1) Each side as a
/// share of its own client's ceiling, then their ratio. (2) The server's CPU per GB, reference over
/// subject: the throughput ratio if the server's CPU were the only limit. Informational, not judged.
/// </summary>
internal static class ServerSideView
{
    public static IEnumerable<string> Lines(S3Results results)
    {
        var crc = SdkPayloadMode.SignedStreamingCrc32;
        var signed = SdkPayloadMode.SignedStreaming;
        var unsigned = SdkPayloadMode.Unsigned;
        (string Name, string Subject, string Reference)[] pairs =
        [
            ("PutObject signed + CRC32 vs UNSIGNED-PAYLOAD", Put(StowageServer, crc), Put(StowageServer, unsigned)),
            ("PutObject signed vs UNSIGNED-PAYLOAD", Put(StowageServer, signed), Put(StowageServer, unsigned)),
            ("TransferUtility signed + CRC32 vs UNSIGNED-PAYLOAD", TransferUtility(StowageServer, crc), TransferUtility(StowageServer, unsigned)),
            ("TransferUtility signed vs UNSIGNED-PAYLOAD", TransferUtility(StowageServer, signed), TransferUtility(StowageServer, unsigned)),
            ("PutObject (SDK default) vs Sessions API", Put(StowageServer, crc), Sessions(StowageServer)),
            ("PutObject UNSIGNED-PAYLOAD vs Sessions API", Put(StowageServer, unsigned), Sessions(StowageServer)),
        ];
        foreach (var (name, subject, reference) in pairs)
        {
            var shares = Share(results, subject) is { } a && Share(results, reference) is { } b ? $"{a / b:F2}x" : "-";
            var cpu = results.MedianCpu(subject, c => c.ServerSecondsPerGigabyte) is { } s && results.MedianCpu(reference, c => c.ServerSecondsPerGigabyte) is { } r
                ? $"{r / s:F2}x ({s:F2} vs {r:F2} s/GB)"
                : "-";
            yield return $"  {name,-52} shares of own ceiling {shares,-8} server CPU {cpu}";
        }
    }

    /// <summary>Best MB/s against Stowage over best MB/s of the same client against the null sink.</summary>
    private static double? Share(S3Results results, string key) =>
        results.Find(key)?.Best(Scenario.Big) is { } mine && results.Find(Ceiling(key))?.Best(Scenario.Big) is { } top
            ? mine.MegabytesPerSecond / top.MegabytesPerSecond
            : null;
}
