using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Processing;
using Stowage.Processing.RemoteFetch;

namespace Stowage.Processing.Tests.RemoteFetch;

/// <summary>
/// Fetches cut by the minimum rate or the deadline, over a real loopback connection with a fake clock: the read or
/// the open that is waiting when the clock passes the limit fails with the reason, and so does every later read.
/// </summary>
public sealed class HttpRemoteFetcherSlowTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TestHttpServer _server = new();
    private readonly FakeTimeProvider _time = new();
    private readonly HttpRemoteFetcher _fetcher;

    public HttpRemoteFetcherSlowTests() => _fetcher = new HttpRemoteFetcher(
        new RemoteFetchOptions
        {
            AllowPrivateNetworks = true,
            MinimumBytesPerSecond = 100,
            MinimumRateWindow = TimeSpan.FromSeconds(5),
            TransferDeadline = TimeSpan.FromMinutes(1),
        },
        HttpRemoteFetcher.ResolveWithDnsAsync,
        AddressClassifier.IsForbidden,
        _time);

    [Fact]
    public async Task ReadingTheBody_ThrowsDownloadTooSlow_WhenTheLinkStallsForAWindow()
    {
        _server.Map("/stall.e57", new TestResponse(200, new byte[10_000]) { StallAfterBytes = 10 });
        await using var file = await _fetcher.OpenAsync(_server.Url("/stall.e57"), CancellationToken.None);
        var buffer = new byte[10_000];
        var first = 0;
        for (var reads = 0; reads < 10 && first < 10; reads++)
        {
            first += await file.Content.ReadAsync(buffer.AsMemory(first)).AsTask().WaitAsync(Bound);
        }

        first.ShouldBe(10);
        var waiting = file.Content.ReadAsync(buffer).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));

        var error = await Should.ThrowAsync<ProcessingException>(waiting.WaitAsync(Bound));
        error.Code.ShouldBe("download_too_slow");
        error.Message.ShouldContain("sent 10 bytes in 5 s, below the minimum of 100 bytes per second");
        (await Should.ThrowAsync<ProcessingException>(() => file.Content.ReadAsync(buffer).AsTask())).Code.ShouldBe("download_too_slow");
    }

    [Fact]
    public async Task Opening_ThrowsDownloadTimedOut_WhenTheDeadlinePassesBeforeTheHeaders()
    {
        _server.Map("/late.e57", new TestResponse(200, new byte[10]) { Delay = TimeSpan.FromSeconds(30) });

        var opening = _fetcher.OpenAsync(_server.Url("/late.e57"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        var error = await Should.ThrowAsync<RemoteFetchException>(opening.WaitAsync(Bound));
        error.Code.ShouldBe("download_timed_out");
    }

    [Fact]
    public async Task CallersCancellation_StaysACancellation()
    {
        _server.Map("/stall.e57", new TestResponse(200, new byte[100]) { StallAfterBytes = 1 });
        await using var file = await _fetcher.OpenAsync(_server.Url("/stall.e57"), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var buffer = new byte[100];
        await file.Content.ReadAsync(buffer).AsTask().WaitAsync(Bound);

        var waiting = file.Content.ReadAsync(buffer, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting.WaitAsync(Bound));
    }

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _server.DisposeAsync();
    }
}
