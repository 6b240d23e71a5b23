using System.Net;
using System.Net.Sockets;

namespace Stowage.Bench.Servers;

/// <summary>A loopback port nobody is listening on right now (the kernel picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
