using System.Buffers;
using System.Net.Sockets;

namespace Stowage.Bench.Sink;

/// <summary>
/// One keep-alive connection: read a head, drain the body with 1 MiB receives, answer,
/// repeat. Bodies must carry Content-Length (the bench's clients always do).
/// </summary>
internal sealed class SinkConnection(Socket socket, SinkResponder responder, SinkCounters counters)
{
    private const int BufferSize = 1 << 20;
    private const int MaxHeadBytes = 64 * 1024;

    public async Task RunAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int start = 0, end = 0;
            while (true)
            {
                int headLength;
                while ((headLength = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    if (end - start >= MaxHeadBytes)
                    {
                        return;
                    }

                    if (end == buffer.Length)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }

                    var n = await socket.ReceiveAsync(buffer.AsMemory(end), ct);
                    if (n == 0)
                    {
                        return;
                    }

                    end += n;
                }

                var request = SinkRequest.Parse(buffer.AsSpan(start, headLength));
                start += headLength + 4;
                if (request is null || request.Chunked)
                {
                    await socket.SendAsync(SinkResponder.Reject(request is null ? 400 : 411), ct);
                    return;
                }

                if (request.ExpectContinue)
                {
                    await socket.SendAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), ct);
                }

                var remaining = request.ContentLength;
                var buffered = (int)Math.Min(remaining, end - start);
                start += buffered;
                remaining -= buffered;
                if (remaining > 0)
                {
                    // The window is empty now: receive the rest of the body straight over it,
                    // never past the body, so the next head always starts at 0.
                    start = end = 0;
                    while (remaining > 0)
                    {
                        var n = await socket.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), ct);
                        if (n == 0)
                        {
                            return;
                        }

                        remaining -= n;
                    }
                }

                counters.AddBytes(request.ContentLength);
                await socket.SendAsync(responder.Respond(request), ct);
                if (request.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the sink is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            socket.Dispose();
        }
    }
}
