namespace Stowage.Core.RateLimiting;

/// <summary>Per-partition request budgets (a partition is e.g. key id + endpoint).</summary>
public interface IRateLimiter
{
    /// <summary>Takes one permit; when none is left, says how long until one is.</summary>
    RateLimitDecision TryAcquire(string partition, RateLimitRule rule);
}

public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter);
