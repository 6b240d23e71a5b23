using System.Text;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// The encodings of the canonical request (docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html):
/// RFC 3986 percent-encoding (unreserved A-Z a-z 0-9 - _ . ~ kept, everything else %XX uppercase over UTF-8),
/// the canonical query string and canonical header values.
/// </summary>
public static class SigV4Encoding
{
    /// <summary>RFC 3986-encodes <paramref name="text"/>; '/' is kept when <paramref name="keepSlash"/> (object key paths).</summary>
    public static string UriEncode(string text, bool keepSlash)
    {
        var builder = new StringBuilder(text.Length + 16);
        AppendUriEncoded(builder, text, keepSlash);
        return builder.ToString();
    }

    public static void AppendUriEncoded(StringBuilder builder, string text, bool keepSlash)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
                continue;
            }

            var count = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            foreach (var b in utf8[..count])
            {
                builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }
    }

    /// <summary>
    /// Decodes a query-string component: '+' is a space (application/x-www-form-urlencoded, as Go's and
    /// minio's verifiers read it), %XX are UTF-8 bytes; malformed escapes are kept literally.
    /// </summary>
    public static string QueryDecode(string component) =>
        Uri.UnescapeDataString(component.Contains('+', StringComparison.Ordinal) ? component.Replace('+', ' ') : component);

    /// <summary>Splits a raw query string (without '?') into decoded name/value pairs, in order; valueless keys get "".</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(rawQuery))
        {
            return pairs;
        }

        foreach (var part in rawQuery.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0
                ? new(QueryDecode(part), string.Empty)
                : new(QueryDecode(part[..equals]), QueryDecode(part[(equals + 1)..])));
        }

        return pairs;
    }

    /// <summary>
    /// The canonical query string: each decoded name and value RFC 3986-encoded, sorted by encoded name then
    /// value (ordinal), joined as <c>name=value</c> with '&amp;' — so <c>?uploads</c> becomes <c>uploads=</c>.
    /// Parameters named <paramref name="exclude"/> (X-Amz-Signature of a presigned URL) are left out.
    /// </summary>
    public static string CanonicalQueryString(IEnumerable<KeyValuePair<string, string>> decodedPairs, string? exclude = null)
    {
        var encoded = new List<(string Name, string Value)>();
        foreach (var (name, value) in decodedPairs)
        {
            if (exclude is null || !string.Equals(name, exclude, StringComparison.Ordinal))
            {
                encoded.Add((UriEncode(name, keepSlash: false), UriEncode(value, keepSlash: false)));
            }
        }

        encoded.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder();
        foreach (var (name, value) in encoded)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(name).Append('=').Append(value);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A path normalized to what SigV4 signs for S3: each segment decoded then RFC 3986-encoded once, '/'
    /// kept. A raw path that is already canonical comes back unchanged.
    /// </summary>
    public static string NormalizePath(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        var builder = new StringBuilder(rawPath.Length + 16);
        var segments = rawPath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            AppendUriEncoded(builder, Uri.UnescapeDataString(segments[i]), keepSlash: false);
        }

        return builder.ToString();
    }

    /// <summary>A header value as signed: trimmed, runs of whitespace collapsed to one space.</summary>
    public static string CanonicalHeaderValue(string value)
    {
        var trimmed = value.AsSpan().Trim();
        var needsCollapse = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (IsSpace(trimmed[i]) && (trimmed[i] != ' ' || (i + 1 < trimmed.Length && IsSpace(trimmed[i + 1]))))
            {
                needsCollapse = true;
                break;
            }
        }

        if (!needsCollapse)
        {
            return trimmed.Length == value.Length ? value : trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            if (IsSpace(c))
            {
                if (!previousSpace)
                {
                    builder.Append(' ');
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }

    private static bool IsSpace(char c) => c is ' ' or '\t';

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static ReadOnlySpan<char> HexUpper => "0123456789ABCDEF";
}
