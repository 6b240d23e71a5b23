using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// A tiny HTTP/1.1 file server on 127.0.0.1 for download_link tests: fixed bodies per path, redirects,
/// 404 for anything else, an optional stall mid-body so a test can kill the fetching server, and bodies that
/// trickle a byte at a time, as a stalled or hostile source does.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(60);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, FileRoute> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _misses = new(StringComparer.Ordinal);
    private readonly Task _accepting;

    public LoopbackFileServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public string UrlOf(string path) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}{path}");

    public FileRoute Serve(string path, byte[] body, int? holdAfterBytes = null) =>
        _routes[path] = new FileRoute { Body = body, HoldAfterBytes = holdAfterBytes };

    /// <summary>Serves <paramref name="body"/> one byte per <paramref name="every"/>, for at most a minute per response.</summary>
    public FileRoute Trickle(string path, byte[] body, TimeSpan every) =>
        _routes[path] = new FileRoute { Body = body, TrickleEvery = every };

    public FileRoute Redirect(string path, string location) =>
        _routes[path] = new FileRoute { Status = 302, Location = location };

    /// <summary>How many requests asked for <paramref name="path"/>, served or not.</summary>
    public int Requests(string path) =>
        (_routes.TryGetValue(path, out var route) ? route.Requests : 0) + _misses.GetValueOrDefault(path);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var route in _routes.Values)
        {
            route.ReleaseHold();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream);
                if (path is null)
                {
                    return;
                }

                if (!_routes.TryGetValue(path, out var route))
                {
                    _misses.AddOrUpdate(path, 1, (_, n) => n + 1);
                    await WriteHeadAsync(stream, 404, "Not Found", 0, null);
                    return;
                }

                var number = route.CountRequest();
                await WriteHeadAsync(stream, route.Status, Reason(route.Status), route.Body.Length, route.Location);
                if (route.TrickleEvery is { } every)
                {
                    await TrickleAsync(stream, route, every);
                }
                else if (route.HoldAfterBytes is { } hold && number == 1)
                {
                    await stream.WriteAsync(route.Body.AsMemory(0, hold), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    route.MarkHoldReached();
                    await route.HoldReleased.WaitAsync(MaxHold, _stop.Token);
                    await stream.WriteAsync(route.Body.AsMemory(hold), _stop.Token);
                }
                else
                {
                    await stream.WriteAsync(route.Body, _stop.Token);
                }

                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
            {
                // the fetching server went away (or was killed): that is what some tests do
            }
        }
    }

    /// <summary>One byte, a pause, the next; bounded by the body's length and by <see cref="MaxHold"/>.</summary>
    private async Task TrickleAsync(NetworkStream stream, FileRoute route, TimeSpan every)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < route.Body.Length && clock.Elapsed < MaxHold; i++)
            {
                await stream.WriteAsync(route.Body.AsMemory(i, 1), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                route.MarkTrickleStarted();
                await Task.Delay(every, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            route.MarkDropped();
        }
    }

    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                return null;
            }

            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var requestLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                return requestLine.Length >= 2 ? requestLine[1] : null;
            }
        }

        return null;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        _ => "Status",
    };

    private static async Task WriteHeadAsync(NetworkStream stream, int status, string reason, int length, string? location)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n")
            .Append("Content-Type: application/octet-stream\r\n")
            .Append("Connection: close\r\n");
        if (location is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Location: {location}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }
}
