using System.Net;
using System.Net.Sockets;
using Stowage.Core.Processing;

namespace Stowage.Processing.RemoteFetch;

public sealed partial class HttpRemoteFetcher
{
    private SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        ConnectTimeout = _options.ConnectTimeout,
        AllowAutoRedirect = false, // every hop is re-validated in OpenAsync
        UseProxy = false,          // through a proxy the connection would go to the proxy, and the target would go unchecked
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None, // the file's bytes exactly as served
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// Resolves the host itself and connects only to addresses it has checked, so the address connected to is
    /// the address judged: a DNS answer that changes between <see cref="ValidateAsync"/> and now cannot slip through.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken);
        if (Array.Exists(addresses, IsRefused))
        {
            throw new RemoteFetchException(ForbiddenCode, $"'{endpoint.Host}' resolves to an address this server may not fetch.");
        }

        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError!;
    }
}
