using System.Net;
using System.Net.Sockets;
using Stowage.Core.Errors;
using Stowage.Core.Processing;

namespace Stowage.Processing.RemoteFetch;

public sealed partial class HttpRemoteFetcher
{
    /// <summary>Scheme, host and resolved-address checks; throws <see cref="SocketException"/> when the host does not resolve.</summary>
    private async Task<Failure?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(url.Host))
        {
            return Failure.Of(StowageErrors.InvalidDownloadLink);
        }

        var addresses = await ResolveAsync(url.IdnHost, cancellationToken);
        return Array.Exists(addresses, IsRefused) ? Failure.Of(StowageErrors.DownloadLinkForbidden) : null;
    }

    /// <summary>The same check as <see cref="ValidateAsync"/>, as the exceptions <see cref="OpenAsync"/> documents.</summary>
    private async Task EnsureAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        Failure? failure;
        try
        {
            failure = await CheckAsync(url, cancellationToken);
        }
        catch (SocketException ex)
        {
            // Possibly a passing DNS outage, so transient: the job queue's retries decide when to give up.
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"Could not resolve '{url.Host}'.", ex);
        }

        if (failure is not null)
        {
            throw failure.Error == StowageErrors.DownloadLinkForbidden
                ? new RemoteFetchException(ForbiddenCode, $"{failure.Error.Message} (host '{url.Host}')")
                : new RemoteFetchException(InvalidCode, failure.Error.Message);
        }
    }

    private bool IsRefused(IPAddress address) => !_options.AllowPrivateNetworks && _isForbidden(address);

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await _resolve(host, cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    internal static async Task<IPAddress[]> ResolveWithDnsAsync(string host, CancellationToken cancellationToken)
    {
        // IPv6 literals may arrive bracketed (Uri.Host) or bare (IdnHost); literals never go to DNS.
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) ? [address] : await Dns.GetHostAddressesAsync(host, cancellationToken);
    }
}
