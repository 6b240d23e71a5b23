using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Stowage.Core.S3.Signing;

/// <summary>The ISO 8601 basic timestamp of SigV4 (<c>20130524T000000Z</c>) and its date part (<c>20130524</c>).</summary>
public static class AmzDate
{
    public const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";
    public const string DateFormat = "yyyyMMdd";

    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTimestamp([NotNullWhen(true)] string? text, out DateTimeOffset time)
    {
        if (text is not null
            && DateTime.TryParseExact(
                text,
                TimestampFormat,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var parsed))
        {
            time = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        time = default;
        return false;
    }
}
