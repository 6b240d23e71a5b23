using System.Net;
using System.Net.Http.Headers;
using Stowage.Core.Errors;
using Stowage.Core.Processing;

namespace Stowage.Processing.RemoteFetch;

/// <summary>
/// Fetches download links over HTTP(S) with SSRF protection: the link's addresses are checked up front,
/// again on every connection (so DNS rebinding cannot swap in a private address) and for every redirect,
/// which this class follows itself. Every fetch runs under a <see cref="TransferGuard"/> (overall deadline, minimum
/// rate). Owns its connection pool: register one instance and dispose it with the host.
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
    private readonly TimeProvider _time;

    public HttpRemoteFetcher(RemoteFetchOptions options)
        : this(options, TimeProvider.System)
    {
    }

    public HttpRemoteFetcher(RemoteFetchOptions options, TimeProvider time)
        : this(options, ResolveWithDnsAsync, AddressClassifier.IsForbidden, time)
    {
    }

    /// <summary>Test seam: a fake resolver and address policy, so rebinding and redirects can be driven over loopback.</summary>
    internal HttpRemoteFetcher(
        RemoteFetchOptions options, Func<string, CancellationToken, Task<IPAddress[]>> resolve, Func<IPAddress, bool> isForbidden, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _resolve = resolve;
        _isForbidden = isForbidden;
        _time = time ?? TimeProvider.System;
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
        var guard = new TransferGuard(_options, _time);
        try
        {
            using var guarded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, guard.Token);
            return await OpenGuardedAsync(url, guard, guarded.Token);
        }
        catch (Exception ex) when (guard.Reason is { } reason && !cancellationToken.IsCancellationRequested)
        {
            guard.Dispose();
            throw new RemoteFetchException(reason.Code, reason.Message, ex);
        }
        catch
        {
            guard.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<RemoteFile> OpenGuardedAsync(Uri url, TransferGuard guard, CancellationToken cancellationToken)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            await EnsureAllowedAsync(current, cancellationToken);
            var response = await SendAsync(current, cancellationToken);
            if (!IsRedirect(response.StatusCode))
            {
                return await ToRemoteFileAsync(response, current, guard, cancellationToken);
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

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
