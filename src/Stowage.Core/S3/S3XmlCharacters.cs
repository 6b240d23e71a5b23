using System.Globalization;
using System.Text;

namespace Stowage.Core.S3;

/// <summary>
/// What S3's XML answers can carry: the Char production of XML 1.0 (Fifth Edition, section 2.2),
/// <c>#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]</c>. Every other character (the C0
/// controls but tab, line feed and carriage return; U+FFFE and U+FFFF; a surrogate without its pair) cannot
/// appear in an XML 1.0 document, not even as a character reference. Object keys are refused when they hold
/// one (<see cref="S3ObjectKeys"/>), and listing parameters that hold one are only echoed URL-encoded
/// (docs/protocols/s3.md, "Keys and XML").
/// </summary>
public static class S3XmlCharacters
{
    /// <summary>The index of the first character XML 1.0 cannot carry, or -1 when there is none.</summary>
    public static int IndexOfUnrepresentable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++; // a pair: U+10000..U+10FFFF, all allowed
                continue;
            }

            if (!IsAllowed(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when XML 1.0 can carry every character of <paramref name="value"/>.</summary>
    public static bool AreRepresentable(string value) => IndexOfUnrepresentable(value) < 0;

    /// <summary>True when <paramref name="value"/> holds a surrogate without its pair (not Unicode text at all).</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The character at <paramref name="index"/> as people name it: <c>U+0001</c>.</summary>
    public static string Describe(string value, int index)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "U+" + ((int)value[index]).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="value"/> with each character XML 1.0 cannot carry written as the percent-encoded UTF-8 of
    /// that character (<c>%01</c>, <c>%EF%BF%BF</c>; an unpaired surrogate as U+FFFD's <c>%EF%BF%BD</c>), the rest
    /// unchanged: how error messages and error bodies quote client input they cannot echo as it is.
    /// </summary>
    public static string Printable(string value)
    {
        var first = IndexOfUnrepresentable(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16).Append(value, 0, first);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            if (IsAllowed(c))
            {
                builder.Append(c);
                continue;
            }

            var count = Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD" : c.ToString(), utf8);
            foreach (var b in utf8[..count])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>One UTF-16 unit outside a surrogate pair: allowed unless a control, a surrogate, U+FFFE or U+FFFF.</summary>
    private static bool IsAllowed(char c) =>
        c switch
        {
            '\t' or '\n' or '\r' => true,
            < '\u0020' => false,
            >= '\uD800' and <= '\uDFFF' => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
}
