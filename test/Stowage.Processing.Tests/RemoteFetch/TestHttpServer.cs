using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stowage.Processing.Tests.RemoteFetch;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1: one request per connection, canned responses by path.
/// Small enough to see exactly what goes over the wire, with no Kestrel dependency.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, TestResponse> _routes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TestHttpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Request lines ("GET /path HTTP/1.1") and Host headers, in arrival order.</summary>
    public ConcurrentQueue<(string RequestLine, string? Host)> Requests { get; } = new();

    public Uri Url(string pathAndQuery, string host = "127.0.0.1") => new($"http://{host}:{Port}{pathAndQuery}");

    public void Map(string path, TestResponse response) => _routes[path] = response;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var lines = head.Split("\r\n");
            var host = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))?[5..].Trim();
            Requests.Enqueue((lines[0], host));
            var path = lines[0].Split(' ')[1];
            var response = _routes.TryGetValue(path, out var found) ? found : new TestResponse(404, "not here"u8.ToArray());
            await Task.Delay(response.Delay, _stop.Token);
            await WriteAsync(stream, response, _stop.Token);
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024 && await stream.ReadAsync(one) == 1)
        {
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(head.ToArray());
    }

    private static async Task WriteAsync(NetworkStream stream, TestResponse response, CancellationToken stop)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.Status} Test\r\nConnection: close\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        if (!response.OmitContentLength)
        {
            head.Append($"Content-Length: {response.Body.Length}\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.Append("\r\n").ToString()), stop);
        if (response.StallAfterBytes is { } sent)
        {
            await stream.WriteAsync(response.Body.AsMemory(0, sent), stop);
            await Task.Delay(TimeSpan.FromSeconds(30), stop).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        await stream.WriteAsync(response.Body, stop);
    }
}
