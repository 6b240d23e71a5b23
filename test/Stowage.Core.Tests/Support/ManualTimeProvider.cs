namespace Stowage.Core.Tests.Support;

/// <summary>
/// A clock that only moves when a test says so. Wall time (<see cref="GetUtcNow"/>) and the monotonic
/// timestamp (<see cref="GetTimestamp"/>) advance together. Timers are not faked: the core only uses
/// them for background loops, which the tests drive by hand instead.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>Whole milliseconds: the precision the metadata store keeps.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    // Timestamps start far from 0, as Stopwatch's do; the rate limiter treats 0 as "never".
    private const long TimestampBase = 1_000_000_000;

    private readonly Lock _gate = new();
    private DateTimeOffset _now;
    private long _elapsedTicks;

    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? Start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return TimestampBase + _elapsedTicks;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
            _elapsedTicks += by.Ticks;
        }
    }

    public void AdvanceSeconds(double seconds) => Advance(TimeSpan.FromSeconds(seconds));
}
