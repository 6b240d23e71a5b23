using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// HTTP/1.1 over a bare socket, for requests HttpClient will not send: a body shorter than its
/// Content-Length followed by a half-close (the client stopped sending but still listens).
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line) and
    /// <paramref name="body"/>, then half-closes; returns the answer, or status 0 if the server closed without one.
    /// </summary>
    public static async Task<(int Status, string Body)> SendAndHalfCloseAsync(int port, string head, byte[] body)
    {
        using var limit = new CancellationTokenSource(Timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), limit.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\nConnection: close\r\n\r\n"), SocketFlags.None, limit.Token);
        await socket.SendAsync(body, SocketFlags.None, limit.Token);
        await Task.Delay(300, limit.Token); // the server is reading the body when the sender stops
        socket.Shutdown(SocketShutdown.Send);

        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // the server dropped the connection: whatever arrived before is the answer
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        if (text.Length == 0)
        {
            return (0, string.Empty);
        }

        var statusLine = text[..Math.Max(0, text.IndexOf("\r\n", StringComparison.Ordinal))];
        var parts = statusLine.Split(' ');
        parts.Length.ShouldBeGreaterThanOrEqualTo(2, $"not an HTTP response: {text}");
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), split < 0 ? string.Empty : text[(split + 4)..]);
    }
}
