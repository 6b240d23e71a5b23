namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// A server that fetches download links from loopback with a short minimum-rate window (1000 bytes/s averaged over
/// <see cref="RateWindow"/>), three job workers and at most two running jobs per account, so tests can watch a
/// trickling link being cut and other accounts' projects going past it.
/// </summary>
public sealed class SlowLinkServerFixture : ServerFixture
{
    public const int MinimumBytesPerSecond = 1000;
    public const int Workers = 3;
    public const int MaxRunningPerAccount = 2;

    /// <summary>Long enough that another account's project can be created and processed while a trickle is still held.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    protected override IEnumerable<string> Configuration =>
    [
        .. base.Configuration,
        RemoteFetchServerFixture.AllowPrivateNetworks,
        $"--Stowage:RemoteFetch:MinimumBytesPerSecond={MinimumBytesPerSecond}",
        $"--Stowage:RemoteFetch:MinimumRateWindow={RateWindow:c}",
        "--Stowage:RemoteFetch:TransferDeadline=00:02:00",
        $"--Stowage:Jobs:Workers={Workers}",
        $"--Stowage:Jobs:MaxRunningPerAccount={MaxRunningPerAccount}",
    ];
}
