using System.Text;

namespace Stowage.Metadata.Sqlite;

/// <summary>
/// Key ranges in S3's order: by UTF-8 bytes, which for valid UTF-8 is the order of Unicode scalar values
/// (code points), and which SQLite's BINARY collation gives on TEXT in a UTF-8 database. .NET's ordinal
/// string comparison is by UTF-16 code units and disagrees above U+FFFF (a supplementary character, stored
/// as a surrogate pair 0xD8xx, sorts before U+E000..U+FFFF in UTF-16 but after them in UTF-8), so the bounds
/// are computed over runes. A lone surrogate enumerates as U+FFFD, as Microsoft.Data.Sqlite's UTF-8 encoding
/// stores it.
/// </summary>
internal static class Utf8KeyRange
{
    /// <summary>Compares two keys as S3 orders them (by their UTF-8 bytes).</summary>
    public static int Compare(string a, string b)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    /// <summary>
    /// The least key above every key that starts with <paramref name="prefix"/>, so that those keys are exactly
    /// <c>prefix &lt;= key &lt; bound</c>; null when there is no such bound (an empty prefix, or one made only of
    /// U+10FFFF). The last scalar value is replaced by the next one (U+D7FF is followed by U+E000: surrogates
    /// are not scalar values); trailing U+10FFFF, which has no successor, are dropped first.
    /// </summary>
    public static string? PrefixUpperBound(string prefix)
    {
        var runes = new List<Rune>(prefix.Length);
        foreach (var rune in prefix.EnumerateRunes())
        {
            runes.Add(rune);
        }

        while (runes.Count > 0 && runes[^1].Value == MaxScalar)
        {
            runes.RemoveAt(runes.Count - 1);
        }

        if (runes.Count == 0)
        {
            return null;
        }

        var last = runes[^1].Value;
        runes[^1] = new Rune(last == LastBeforeSurrogates ? FirstAfterSurrogates : last + 1);
        var bound = new StringBuilder(prefix.Length + 1);
        foreach (var rune in runes)
        {
            bound.Append(rune.ToString());
        }

        return bound.ToString();
    }

    private const int MaxScalar = 0x10FFFF;
    private const int LastBeforeSurrogates = 0xD7FF;
    private const int FirstAfterSurrogates = 0xE000;
}
