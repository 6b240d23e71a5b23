using System.Net;
using System.Net.Http.Headers;
using Stowage.Core.Errors;
using Stowage.Core.Processing;

namespace Stowage.Processing.RemoteFetch;

/// <summary>
/// Fetches download links over HTTP(S) with SSRF protection: the link's addresses are checked up front,
/// again on every connection (so DNS rebinding cannot swap in a private address) and for every redirect,
/// which this class follows itself. Owns its connection pool: register one instance and dispose it with the host.
/// </summary>
public sealed partial class HttpRemoteFetcher : IRemoteFetcher, IDisposable
{
    private const string ForbiddenCode = "download_link_forbidden";
    private const string InvalidCode = "invalid_download_link";
    private const string UnreachableCode = "download_link_unreachable";

    private readonly RemoteFetchOptions _options;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Func<IPAddress, bool> _isForbidden;
    private readonly HttpClient _client;

    public HttpRemoteFetcher(RemoteFetchOptions options)
        : this(options, ResolveWithDnsAsync, AddressClassifier.IsForbidden)
    {
    }

    /// <summary>Test seam: a fake resolver and address policy, so rebinding and redirects can be driven over loopback.</summary>
    internal HttpRemoteFetcher(RemoteFetchOptions options, Func<string, CancellationToken, Task<IPAddress[]>> resolve, Func<IPAddress, bool> isForbidden)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ResponseHeadersTimeout, TimeSpan.Zero);
        _options = options;
        _resolve = resolve;
        _isForbidden = isForbidden;
        _client = new HttpClient(CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Stowage", "1.0"));
    }

    public async Task<Failure?> ValidateAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            return await CheckAsync(url, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return Failure.With(StowageErrors.InvalidDownloadLink, "reason", "The host name does not resolve.");
        }
    }

    public async Task<RemoteFile> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            await EnsureAllowedAsync(current, cancellationToken);
            var response = await SendAsync(current, cancellationToken);
            if (!IsRedirect(response.StatusCode))
            {
                return await ToRemoteFileAsync(response, current, cancellationToken);
            }

            var location = response.Headers.Location;
            response.Dispose();
            if (location is null)
            {
                throw new RemoteFetchException(UnreachableCode, $"The download link answered {(int)response.StatusCode} without a Location.");
            }

            if (redirects >= _options.MaxRedirects)
            {
                throw new RemoteFetchException(UnreachableCode, $"The download link redirected more than {_options.MaxRedirects} times.");
            }

            // RFC 9110 10.2.2: a relative Location is resolved against the URL that was requested.
            current = location.IsAbsoluteUri ? location : new Uri(current, location);
        }
    }

    public void Dispose() => _client.Dispose();

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
