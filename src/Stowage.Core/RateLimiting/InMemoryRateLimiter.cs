using System.Collections.Concurrent;

namespace Stowage.Core.RateLimiting;

/// <summary>
/// In-memory token buckets: a partition may burst up to <see cref="RateLimitRule.Permits"/> and then
/// gets permits back at Permits/Period, which is what "N per period" means to a client without the
/// edge bursts of fixed windows. Per process: a scale-out deployment divides the budget by its
/// instance count or uses a shared limiter.
/// </summary>
public sealed class InMemoryRateLimiter(TimeProvider time) : IRateLimiter
{
    // Every this many calls, buckets idle for two periods (so full again) are forgotten.
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _calls;

    public RateLimitDecision TryAcquire(string partition, RateLimitRule rule)
    {
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(partition, static (_, r) => new Bucket(r.Permits, r.Period), rule);
        RateLimitDecision decision;
        lock (bucket)
        {
            var perPermit = rule.Period.TotalSeconds / rule.Permits;
            if (bucket.LastRefill != 0)
            {
                var elapsed = time.GetElapsedTime(bucket.LastRefill, now).TotalSeconds;
                bucket.Tokens = Math.Min(rule.Permits, bucket.Tokens + (elapsed / perPermit));
            }

            bucket.LastRefill = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                decision = new RateLimitDecision(true, TimeSpan.Zero);
            }
            else
            {
                decision = new RateLimitDecision(false, TimeSpan.FromSeconds((1 - bucket.Tokens) * perPermit));
            }
        }

        if (Interlocked.Increment(ref _calls) % SweepEvery == 0)
        {
            Sweep(now);
        }

        return decision;
    }

    private void Sweep(long now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (time.GetElapsedTime(bucket.LastRefill, now) > bucket.Period * 2)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, TimeSpan period)
    {
        public double Tokens { get; set; } = tokens;

        public TimeSpan Period { get; } = period;

        public long LastRefill { get; set; }
    }
}
