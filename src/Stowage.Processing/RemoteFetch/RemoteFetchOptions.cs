namespace Stowage.Processing.RemoteFetch;

/// <summary>Settings of <see cref="HttpRemoteFetcher"/>.</summary>
public sealed class RemoteFetchOptions
{
    /// <summary>
    /// Lets download links reach loopback, private, link-local and other non-public addresses.
    /// Off by default: a server that fetches URLs chosen by clients must not become a proxy into its own network (SSRF).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Redirects followed per fetch; 5 is what curl's and browsers' limits comfortably cover for file hosts.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Time allowed to open one TCP connection (TLS included); 15 s tolerates slow paths without hanging a worker.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed from sending a request until its response headers arrive; the body itself has no deadline.</summary>
    public TimeSpan ResponseHeadersTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
