using System.Net;

namespace Stowage.Bench.Http;

/// <summary>One HttpClient per peer, tuned so the client is never what limits a run.</summary>
internal static class BenchHttp
{
    public static HttpClient Create(Uri baseAddress, int parallel)
    {
        var handler = NewHandler();

        // Twice the workers: a connection being returned never makes a worker wait for a new one.
        handler.MaxConnectionsPerServer = parallel * 2;

        return new HttpClient(handler)
        {
            BaseAddress = baseAddress,

            // Bounds any single request; a 1 GiB PUT at a pathological 5 MB/s still fits.
            Timeout = TimeSpan.FromMinutes(4),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The transport every bench client uses: loopback only, nothing between the client and the socket.</summary>
    public static SocketsHttpHandler NewHandler() => new()
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    };
}
