using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.RateLimiting;

/// <summary>
/// How fast a principal may call: one budget per credential and operation (<see cref="RateLimitOptions"/>),
/// counted on the credential's id, so one key's burst never spends another's budget. Doors ask it before they
/// run an operation; an operation it has no budget for is not limited.
/// </summary>
public sealed class RateLimitPolicy
{
    private readonly IRateLimiter _limiter;
    private readonly Dictionary<string, RateLimitRule> _rules;
    private readonly bool _enabled;

    public RateLimitPolicy(IRateLimiter limiter, IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        _limiter = limiter;
        _enabled = options.Value.Enabled;
        _rules = options.Value.Rules().ToDictionary(r => r.Name, r => RateLimitRule.Parse(r.Value)!, StringComparer.Ordinal);
    }

    /// <summary>Null when the call may go on; rate_limited with the time until a permit is free otherwise.</summary>
    public Failure? Admit(Principal principal, string operation)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!_enabled || !_rules.TryGetValue(operation, out var rule))
        {
            return null;
        }

        var decision = _limiter.TryAcquire(string.Concat(principal.KeyId, ":", operation), rule);
        return decision.Allowed ? null : new Failure(StowageErrors.RateLimited, retryAfter: decision.RetryAfter);
    }
}
