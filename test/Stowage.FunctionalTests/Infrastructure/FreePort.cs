using System.Net;
using System.Net.Sockets;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A loopback port nobody listens on right now (the kernel picks it).</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
