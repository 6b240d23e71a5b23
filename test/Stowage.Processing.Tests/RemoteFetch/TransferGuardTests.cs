using Microsoft.Extensions.Time.Testing;
using Stowage.Processing.RemoteFetch;

namespace Stowage.Processing.Tests.RemoteFetch;

/// <summary>The minimum-rate window and the overall deadline of one fetch, on a fake clock.</summary>
public sealed class TransferGuardTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Cuts_WithDownloadTooSlow_ExactlyAWindowAfterTheBodyStarts_WhenNothingArrives()
    {
        using var guard = NewGuard(minimum: 1000);
        guard.StartBody();

        _time.Advance(Window - TimeSpan.FromMilliseconds(1));
        guard.Reason.ShouldBeNull();
        guard.Token.IsCancellationRequested.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        guard.Token.IsCancellationRequested.ShouldBeTrue();
        guard.Reason!.Code.ShouldBe("download_too_slow");
        guard.Reason.Message.ShouldBe("The download was stopped: the link sent 0 bytes in 10 s, below the minimum of 1000 bytes per second.");
    }

    [Fact]
    public void KeepsGoing_WhileEveryWindowAveragesTheMinimum()
    {
        using var guard = NewGuard(minimum: 1000);
        guard.StartBody();

        // 1000 bytes/s in bursts of 2000 every 2 s, for ten windows.
        for (var second = 0; second < 100; second += 2)
        {
            guard.Count(2000);
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        guard.Reason.ShouldBeNull();
    }

    [Fact]
    public void Cuts_WhenAWindowAveragesBelowTheMinimum_ThoughBytesKeepComing()
    {
        using var guard = NewGuard(minimum: 1000);
        guard.StartBody();

        // 500 bytes/s, in bursts of 1000 every 2 s.
        for (var i = 0; i < 5; i++)
        {
            guard.Reason.ShouldBeNull();
            guard.Count(1000);
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        guard.Reason!.Code.ShouldBe("download_too_slow");
        guard.Reason.Message.ShouldContain("sent 5000 bytes in 10 s");
    }

    [Fact]
    public void Cuts_WhenTheLatestWindowStalls_AfterAFastStart()
    {
        using var guard = NewGuard(minimum: 1000);
        guard.StartBody();
        guard.Count(1_000_000);
        _time.Advance(Window);
        guard.Reason.ShouldBeNull("the first window brought plenty");

        // The rate is sampled every fifth of a window: the window that no longer holds the burst ends 2 s later.
        _time.Advance(TimeSpan.FromSeconds(2));

        guard.Reason!.Code.ShouldBe("download_too_slow");
        guard.Reason.Message.ShouldContain("sent 0 bytes in 10 s");
    }

    [Fact]
    public void DoesNotJudgeTheRate_BeforeTheBodyStarts_OrWhenTheMinimumIsZero()
    {
        using var waitingForHeaders = NewGuard(minimum: 1000);
        using var off = NewGuard(minimum: 0);
        off.StartBody();

        _time.Advance(10 * Window);

        waitingForHeaders.Reason.ShouldBeNull();
        off.Reason.ShouldBeNull();
    }

    [Fact]
    public void Cuts_WithDownloadTimedOut_AtTheDeadline_HoweverFastTheBodyMoves()
    {
        using var guard = NewGuard(minimum: 1000, deadline: TimeSpan.FromSeconds(30));
        guard.StartBody();
        for (var i = 0; i < 29; i++)
        {
            guard.Count(1_000_000);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        guard.Reason.ShouldBeNull();
        guard.Count(123);
        _time.Advance(TimeSpan.FromSeconds(1));

        guard.Reason!.Code.ShouldBe("download_timed_out");
        guard.Reason.Message.ShouldBe("The download was stopped: it did not finish within 30 s (29000123 bytes received).");
        guard.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void KeepsTheFirstReason_AndIgnoresTheClockAfterDisposal()
    {
        var guard = NewGuard(minimum: 1000, deadline: Window);
        guard.StartBody();
        _time.Advance(Window);
        var first = guard.Reason;
        _time.Advance(Window);
        guard.Reason.ShouldBeSameAs(first);

        guard.Dispose();
        _time.Advance(Window);
        guard.Dispose();
    }

    private TransferGuard NewGuard(long minimum, TimeSpan? deadline = null) => new(
        new RemoteFetchOptions { MinimumBytesPerSecond = minimum, MinimumRateWindow = Window, TransferDeadline = deadline ?? TimeSpan.FromHours(1) },
        _time);
}
