namespace Stowage.Bench.S3;

/// <summary>
/// CPU seconds per GB (10^9 bytes) one upload cost: the server process, and this harness process (the SDK
/// client, with awscli as a reaped child, and the in-process sink when that is the server).
/// </summary>
internal sealed record CpuSample(double? ServerSecondsPerGigabyte, double? ClientSecondsPerGigabyte);
