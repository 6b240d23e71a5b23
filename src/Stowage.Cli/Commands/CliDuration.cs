using System.Globalization;

namespace Stowage.Cli.Commands;

/// <summary>Durations as operators type them: a whole number and a unit, <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>.</summary>
internal static class CliDuration
{
    private const int MaxDigits = 9;

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (text is null || text.Length < 2 || text.Length > MaxDigits + 1)
        {
            return false;
        }

        var digits = text.AsSpan(0, text.Length - 1);
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan? unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        duration = unit.Value * amount;
        return true;
    }
}
