namespace Stowage.Bench.S3;

/// <summary>A server whose CompleteMultipartUpload is timed each round (the head, and with A/B the baseline too).</summary>
internal sealed record CompleteTarget(string Server, CompleteBench Bench, List<CompleteSample> Samples, bool IsBaseline);
