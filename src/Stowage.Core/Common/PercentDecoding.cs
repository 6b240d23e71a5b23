using System.Text;
using System.Text.Unicode;

namespace Stowage.Core.Common;

/// <summary>
/// Percent-decoding of a request target component (RFC 3986 §2.1) that insists on UTF-8 (RFC 3986 §2.5:
/// new URI schemes encode characters as UTF-8 octets). <see cref="Uri.UnescapeDataString(string)"/> keeps an
/// escape that is not UTF-8 (<c>%FF</c>, or <c>%ED%A0%80</c>, a UTF-16 surrogate) as the literal text "%FF",
/// so the names "%FF" and "%25FF" would both decode to the same string: two different names, one object.
/// A malformed escape (<c>%zz</c>, a trailing <c>%</c>) is kept literally, as UnescapeDataString keeps it.
/// </summary>
public static class PercentDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="encoded"/> once; false when the decoded bytes are not UTF-8 (or the text holds a lone surrogate).</summary>
    public static bool TryDecode(string encoded, out string decoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        decoded = encoded;
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return IsUnicode(encoded);
        }

        if (Unescape(encoded) is not { } bytes || !Utf8.IsValid(bytes))
        {
            return false;
        }

        decoded = StrictUtf8.GetString(bytes);
        return true;
    }

    /// <summary>True when every escape of <paramref name="encoded"/> decodes to UTF-8 (what <see cref="TryDecode"/> accepts).</summary>
    public static bool IsUtf8(string encoded) => TryDecode(encoded, out _);

    /// <summary>The octets the text stands for: escapes as bytes, other characters as their UTF-8; null when the text itself is not Unicode.</summary>
    private static byte[]? Unescape(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add((byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2])));
                i += 2;
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < encoded.Length && char.IsLowSurrogate(encoded[i + 1]) ? 2 : 1;
            if (width == 1 && char.IsSurrogate(c))
            {
                return null;
            }

            var count = StrictUtf8.GetBytes(encoded.AsSpan(i, width), utf8);
            for (var b = 0; b < count; b++)
            {
                bytes.Add(utf8[b]);
            }

            i += width - 1;
        }

        return [.. bytes];
    }

    private static bool IsUnicode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
