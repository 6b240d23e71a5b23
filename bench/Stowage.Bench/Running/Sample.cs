namespace Stowage.Bench.Running;

/// <summary>One timed measurement. MB is 10^6 bytes throughout.</summary>
internal sealed record Sample(int Round, double Seconds, long Bytes, int Files)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public double FilesPerSecond => Files / Seconds;
}
