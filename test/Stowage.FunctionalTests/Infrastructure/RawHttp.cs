using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// HTTP/1.1 over a bare socket, for requests HttpClient will not send: a body shorter than its
/// Content-Length followed by a half-close (the client stopped sending but still listens), or a target
/// and body sent byte for byte (escapes that are not UTF-8, bodies that are not UTF-8).
/// </summary>
public static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line) and
    /// <paramref name="body"/>, then half-closes; returns the answer, or status 0 if the server closed without one.
    /// </summary>
    public static Task<(int Status, string Body)> SendAndHalfCloseAsync(int port, string head, byte[] body) =>
        ExchangeAsync(port, head, body, halfClose: true);

    /// <summary>
    /// Sends one whole request: <paramref name="head"/> (request line and headers, CRLF-separated, ASCII, without
    /// Content-Length and the blank line), a Content-Length for <paramref name="body"/>, and the body's bytes as given.
    /// </summary>
    public static Task<(int Status, string Body)> SendAsync(int port, string head, byte[] body) =>
        ExchangeAsync(port, $"{head}\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}", body, halfClose: false);

    private static async Task<(int Status, string Body)> ExchangeAsync(int port, string head, byte[] body, bool halfClose)
    {
        using var limit = new CancellationTokenSource(Timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), limit.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\nConnection: close\r\n\r\n"), SocketFlags.None, limit.Token);
        await socket.SendAsync(body, SocketFlags.None, limit.Token);
        if (halfClose)
        {
            await Task.Delay(300, limit.Token); // the server is reading the body when the sender stops
            socket.Shutdown(SocketShutdown.Send);
        }

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

        var bytes = received.ToArray();
        if (bytes.Length == 0)
        {
            return (0, string.Empty);
        }

        var headEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var headText = Encoding.ASCII.GetString(bytes, 0, headEnd < 0 ? bytes.Length : headEnd);
        var statusLine = headText.Split("\r\n")[0];
        var parts = statusLine.Split(' ');
        parts.Length.ShouldBeGreaterThanOrEqualTo(2, $"not an HTTP response: {headText}");
        var content = headEnd < 0 ? [] : bytes[(headEnd + 4)..];
        var chunked = headText.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase);
        return (int.Parse(parts[1], CultureInfo.InvariantCulture), Encoding.UTF8.GetString(chunked ? Dechunk(content) : content));
    }

    /// <summary>The payload of a chunked body (RFC 9112 §7.1: hex sizes, each chunk followed by CRLF, a zero-size chunk last).</summary>
    private static byte[] Dechunk(byte[] body)
    {
        var payload = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.ASCII.GetString(body, at, lineEnd), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            var start = at + lineEnd + 2;
            payload.Write(body, start, Math.Min(size, body.Length - start));
            at = start + size + 2;
        }

        return payload.ToArray();
    }
}
