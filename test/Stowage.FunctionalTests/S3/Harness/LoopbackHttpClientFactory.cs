using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// Gives AWSSDK.S3 an HttpClient that connects every host name to 127.0.0.1, as a hosts-file entry for
/// <c>*.s3.stowage.test</c> would: the SDK still writes (and signs) the virtual host it chose, and the
/// connection stays on the loopback. Records the Host of every request so a test can show which
/// addressing style was really used.
/// </summary>
public sealed class LoopbackHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<string> Hosts { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(new HostRecordingHandler(Hosts) { InnerHandler = handler });
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
