namespace Stowage.Bench.Swarm;

/// <summary>What one server's swarm run did, as the clients saw it.</summary>
internal sealed class SwarmOutcome
{
    /// <summary>Uploads whose every chunk was acknowledged, in the order they completed.</summary>
    public required IReadOnlyList<SwarmUpload> Completed { get; init; }

    /// <summary>Uploads the time bound cut short (started, not finished): not errors.</summary>
    public required long Unfinished { get; init; }

    /// <summary>Chunks acknowledged, and their bytes.</summary>
    public required long Chunks { get; init; }

    public required long BytesAcknowledged { get; init; }

    /// <summary>Every acknowledged chunk's latency in ms (request sent to answer read), sorted.</summary>
    public required float[] ChunkMilliseconds { get; init; }

    /// <summary>Every successful creation request's latency in ms, sorted.</summary>
    public required float[] CreateMilliseconds { get; init; }

    /// <summary>Failed requests by kind: how many, and the first one's message.</summary>
    public required IReadOnlyDictionary<string, (long Count, string Example)> Errors { get; init; }

    public long ErrorCount => Errors.Values.Sum(e => e.Count);

    /// <summary>From the first client's start to the last client's stop (the time bound plus the in-flight requests' tail).</summary>
    public required double Seconds { get; init; }

    /// <summary>Why the run stopped before its time bound (the disk filled up); null when it ran its course.</summary>
    public string? StoppedEarly { get; init; }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(float[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
