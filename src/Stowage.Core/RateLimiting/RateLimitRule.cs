using System.Globalization;

namespace Stowage.Core.RateLimiting;

/// <summary>"N requests per period", e.g. the seed 004 table's "30 / hour".</summary>
public sealed record RateLimitRule(int Permits, TimeSpan Period)
{
    /// <summary>Parses "30/hour", "1200 / minute", "50/second", "10/day"; null when malformed.</summary>
    public static RateLimitRule? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits <= 0)
        {
            return null;
        }

        TimeSpan? period = parts[1].ToLowerInvariant() switch
        {
            "second" or "s" or "sec" => TimeSpan.FromSeconds(1),
            "minute" or "m" or "min" => TimeSpan.FromMinutes(1),
            "hour" or "h" => TimeSpan.FromHours(1),
            "day" or "d" => TimeSpan.FromDays(1),
            _ => null,
        };
        return period is null ? null : new RateLimitRule(permits, period.Value);
    }

    public override string ToString() => $"{Permits}/{Period}";
}
