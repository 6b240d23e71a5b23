namespace Stowage.Bench.Running;

/// <summary>One timed measurement. MB is 10^6 bytes throughout.</summary>
internal sealed record Sample(int Round, double Seconds, long Bytes, int Files)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    /// <summary>CPU seconds the server's processes used during the measurement; null for the in-process sink.</summary>
    public double? ServerCpuSeconds { get; init; }

    /// <summary>Server CPU seconds per GB (10^9 bytes) uploaded.</summary>
    public double? ServerCpuPerGigabyte => ServerCpuSeconds / (Bytes / 1e9);

    public double FilesPerSecond => Files / Seconds;
}
