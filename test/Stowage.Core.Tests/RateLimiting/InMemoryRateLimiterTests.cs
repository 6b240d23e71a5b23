using Microsoft.Extensions.Time.Testing;
using Stowage.Core.RateLimiting;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.RateLimiting;

public sealed class InMemoryRateLimiterTests
{
    private static readonly RateLimitRule FivePerMinute = new(5, TimeSpan.FromMinutes(1));

    private readonly FakeTimeProvider _time = TestTime.New();
    private readonly InMemoryRateLimiter _limiter;

    public InMemoryRateLimiterTests() => _limiter = new InMemoryRateLimiter(_time);

    [Fact]
    public void TryAcquire_AllowsABurstOfPermits_ThenRefuses()
    {
        for (var i = 0; i < 5; i++)
        {
            _limiter.TryAcquire("key1:put", FivePerMinute).ShouldBe(new RateLimitDecision(true, TimeSpan.Zero));
        }

        _limiter.TryAcquire("key1:put", FivePerMinute).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void TryAcquire_RetryAfterIsTheTimeOnePermitTakesToRefill()
    {
        Exhaust("key1:put", FivePerMinute);

        // 5 per minute refill one permit every 12 s.
        var refused = _limiter.TryAcquire("key1:put", FivePerMinute);

        refused.Allowed.ShouldBeFalse();
        refused.RetryAfter.TotalSeconds.ShouldBe(12, tolerance: 0.001);
    }

    [Fact]
    public void TryAcquire_RetryAfterShrinks_AsTimePasses()
    {
        Exhaust("key1:put", FivePerMinute);
        _time.AdvanceSeconds(9);

        var refused = _limiter.TryAcquire("key1:put", FivePerMinute);

        refused.Allowed.ShouldBeFalse();
        refused.RetryAfter.TotalSeconds.ShouldBe(3, tolerance: 0.001);
    }

    [Fact]
    public void TryAcquire_AllowsAgain_OnceRetryAfterHasPassed()
    {
        Exhaust("key1:put", FivePerMinute);
        var retryAfter = _limiter.TryAcquire("key1:put", FivePerMinute).RetryAfter;

        _time.Advance(retryAfter);

        _limiter.TryAcquire("key1:put", FivePerMinute).Allowed.ShouldBeTrue();
        _limiter.TryAcquire("key1:put", FivePerMinute).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void TryAcquire_RefillsAtPermitsPerPeriod()
    {
        Exhaust("key1:put", FivePerMinute);

        _time.AdvanceSeconds(36); // three permits' worth

        Enumerable.Range(0, 4).Count(_ => _limiter.TryAcquire("key1:put", FivePerMinute).Allowed).ShouldBe(3);
    }

    [Fact]
    public void TryAcquire_NeverHoldsMoreThanTheBurst_AfterALongIdle()
    {
        Exhaust("key1:put", FivePerMinute);

        _time.Advance(TimeSpan.FromDays(1));

        Enumerable.Range(0, 10).Count(_ => _limiter.TryAcquire("key1:put", FivePerMinute).Allowed).ShouldBe(5);
    }

    [Fact]
    public void TryAcquire_KeepsPartitionsIndependent()
    {
        Exhaust("key1:put", FivePerMinute);

        _limiter.TryAcquire("key2:put", FivePerMinute).Allowed.ShouldBeTrue();
        _limiter.TryAcquire("key1:get", FivePerMinute).Allowed.ShouldBeTrue();
        _limiter.TryAcquire("key1:put", FivePerMinute).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void TryAcquire_DoesNotCountRefusalsAgainstTheBudget()
    {
        Exhaust("key1:put", FivePerMinute);
        for (var i = 0; i < 20; i++)
        {
            _limiter.TryAcquire("key1:put", FivePerMinute).Allowed.ShouldBeFalse();
        }

        _time.AdvanceSeconds(12);

        _limiter.TryAcquire("key1:put", FivePerMinute).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void TryAcquire_OfOnePerHour_AsksForAnHour()
    {
        var rule = new RateLimitRule(1, TimeSpan.FromHours(1));
        _limiter.TryAcquire("k", rule).Allowed.ShouldBeTrue();

        var refused = _limiter.TryAcquire("k", rule);

        refused.Allowed.ShouldBeFalse();
        refused.RetryAfter.TotalSeconds.ShouldBe(3600, tolerance: 0.001);
    }

    private void Exhaust(string partition, RateLimitRule rule)
    {
        for (var i = 0; i < rule.Permits; i++)
        {
            _limiter.TryAcquire(partition, rule).Allowed.ShouldBeTrue();
        }
    }
}
