using System.Globalization;
using Stowage.Core.Uploads;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>Parses seed 004's <c>Content-Range: bytes &lt;start&gt;-&lt;end&gt;/&lt;total&gt;</c> (RFC 9110 §14.4 syntax, complete form only).</summary>
internal static class ContentRangeHeader
{
    /// <summary>True with the range when well-formed; unknown totals (<c>/*</c>) and unsatisfied forms (<c>*/n</c>) are not.</summary>
    public static bool TryParse(string value, out ChunkRange range)
    {
        range = default;
        var text = value.Trim();
        const string Unit = "bytes ";
        if (!text.StartsWith(Unit, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text.AsSpan(Unit.Length).Trim();
        var dash = rest.IndexOf('-');
        var slash = rest.IndexOf('/');
        if (dash <= 0 || slash <= dash + 1)
        {
            return false;
        }

        if (!TryNumber(rest[..dash], out var start) || !TryNumber(rest[(dash + 1)..slash], out var end) || !TryNumber(rest[(slash + 1)..], out var total))
        {
            return false;
        }

        range = new ChunkRange(start, end, total);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out long value) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
