namespace Stowage.Processing.RemoteFetch;

/// <summary>Settings of <see cref="HttpRemoteFetcher"/>, bound from "Stowage:RemoteFetch".</summary>
public sealed class RemoteFetchOptions
{
    public const string Section = "Stowage:RemoteFetch";

    /// <summary>
    /// Lets download links reach loopback, private, link-local and other non-public addresses.
    /// Off by default: a server that fetches URLs chosen by clients must not become a proxy into its own network (SSRF).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Redirects followed per fetch; 5 is what curl's and browsers' limits comfortably cover for file hosts.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Time allowed to open one TCP connection (TLS included); 15 s tolerates slow paths without hanging a worker.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed from sending a request until its response headers arrive; the body is bounded by the two settings below.</summary>
    public TimeSpan ResponseHeadersTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The body must arrive at least this fast, on average over every <see cref="MinimumRateWindow"/>, or the fetch
    /// is cut (curl's --speed-limit/--speed-time rule). 1 KiB/s: any link that is moving at all does far better, while
    /// a source that trickles (stalled, overloaded or hostile) would otherwise hold a job worker for as long as it likes.
    /// 0 turns the check off.
    /// </summary>
    public long MinimumBytesPerSecond { get; set; } = 1024;

    /// <summary>
    /// The span <see cref="MinimumBytesPerSecond"/> is averaged over; also how long a body may stall outright.
    /// 60 s, like nginx's proxy_read_timeout for a silent upstream: long enough to ride out a congested path or a
    /// busy origin's pause, short enough that a dead source frees its worker within a minute or two.
    /// </summary>
    public TimeSpan MinimumRateWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most one fetch may take from its first connection to its last byte, however fast it moves.
    /// 24 h: the product's largest captures (~100 GB, docs/operations.md) at 10 Mbit/s take about 22 hours.
    /// </summary>
    public TimeSpan TransferDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Start-up validation: every problem, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxRedirects < 0)
        {
            yield return "MaxRedirects must be 0 or more.";
        }

        if (ConnectTimeout <= TimeSpan.Zero || ResponseHeadersTimeout <= TimeSpan.Zero)
        {
            yield return "ConnectTimeout and ResponseHeadersTimeout must be positive.";
        }

        if (MinimumBytesPerSecond < 0)
        {
            yield return "MinimumBytesPerSecond must be 0 (off) or more.";
        }

        if (MinimumRateWindow < TimeSpan.FromSeconds(1))
        {
            yield return "MinimumRateWindow must be at least 1 second (00:00:01).";
        }

        if (TransferDeadline <= TimeSpan.Zero)
        {
            yield return "TransferDeadline must be positive.";
        }
    }
}
