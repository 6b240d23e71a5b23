using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Servers;
using Stowage.Bench.Sink;

namespace Stowage.Bench.Peers;

/// <summary>
/// One client (Sessions, tus or PUT) against the in-process null sink: the most that
/// client can push on this machine. The sink server is shared and owned by the caller.
/// </summary>
internal sealed class SinkPeer(string key, string name, NullSinkServer sink, Func<HttpClient, IUploadClient> createClient, int parallel) : IPeer
{
    private HttpClient? http;
    private IUploadClient? client;

    public string Key => key;

    public string Name => name;

    public string CeilingKey => key;

    public IUploadClient Client => client ?? throw new InvalidOperationException("not started");

    public Task StartAsync(CancellationToken ct)
    {
        http = Http.BenchHttp.Create(sink.BaseAddress, parallel);
        client = createClient(http);
        return Task.CompletedTask;
    }

    public Task VerifyBigAsync(UploadedFile uploaded, TestData data, CancellationToken ct)
    {
        Expect(data.Big.Length);
        return Task.CompletedTask;
    }

    public Task VerifySmallAsync(ISmallBatch batch, TestData data, CancellationToken ct)
    {
        Expect(data.SmallTotalBytes);
        return Task.CompletedTask;
    }

    public Task CleanAsync(CancellationToken ct)
    {
        sink.Counters.Reset();
        return Task.CompletedTask;
    }

    public ProcessMemory? PeakMemory() => null;

    public ValueTask DisposeAsync()
    {
        http?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Expect(long bytes)
    {
        if (sink.Counters.Bytes != bytes)
        {
            throw new UploadMismatchException($"sink drained {sink.Counters.Bytes} bytes, expected {bytes}");
        }
    }
}
