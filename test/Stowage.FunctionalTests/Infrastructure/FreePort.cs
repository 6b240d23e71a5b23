using System.Net;
using System.Net.Sockets;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// A loopback port nobody listens on right now, picked below Linux's ephemeral range
/// (net.ipv4.ip_local_port_range, 32768–60999 by default). A port the kernel hands out from that range
/// can be taken by any outgoing connection's local end a moment later, and the crash tests restart a
/// server on the port its clients know, so the port must stay free while the suite's own clients
/// open hundreds of connections.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int End = 32_000;
    private const int Attempts = 200;

    public static int Next()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Random.Shared.Next(First, End);
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
            finally
            {
                listener.Stop();
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {End} after {Attempts} attempts.");
    }
}
