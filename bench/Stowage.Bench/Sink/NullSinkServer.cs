using System.Net;
using System.Net.Sockets;

namespace Stowage.Bench.Sink;

/// <summary>
/// An in-process HTTP/1.1 server that reads every request body to the end and stores
/// nothing, answering just enough of each protocol (Sessions, tus, PUT) that the real
/// clients run unchanged against it. What a client reaches here is its ceiling.
/// Raw sockets rather than Kestrel: Kestrel receives in 4 KiB blocks and measured at
/// a third of what the client can send, so it would have been the ceiling, not the client.
/// </summary>
internal sealed class NullSinkServer : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly CancellationTokenSource stop = new();
    private readonly SinkResponder responder = new();
    private readonly Task accepting;

    private NullSinkServer(Socket listener, int port)
    {
        this.listener = listener;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        accepting = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress { get; }

    public SinkCounters Counters { get; } = new();

    public static NullSinkServer Start(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(512);
        return new NullSinkServer(listener, port);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Dispose();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var socket = await listener.AcceptAsync(stop.Token);
            socket.NoDelay = true;
            var connection = new SinkConnection(socket, responder, Counters);
            _ = Task.Run(() => connection.RunAsync(stop.Token), CancellationToken.None);
        }
    }
}
