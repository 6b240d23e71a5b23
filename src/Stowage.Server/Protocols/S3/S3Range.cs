using System.Globalization;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// A single byte range of GetObject (RFC 9110 §14.1.2; S3 serves one range per request). Forms:
/// <c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c> (the last n bytes). A header S3 would ignore
/// (not "bytes=", several ranges, malformed) means the whole object; a well-formed range that starts at or
/// beyond the end is unsatisfiable (416 InvalidRange).
/// </summary>
internal readonly record struct S3Range(long Offset, long Length)
{
    public static S3RangeOutcome Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return S3RangeOutcome.Whole;
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || spec.Contains(',', StringComparison.Ordinal))
        {
            return S3RangeOutcome.Whole;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!TryParse(last, out var suffix))
            {
                return S3RangeOutcome.Whole;
            }

            if (suffix == 0 || size == 0)
            {
                return S3RangeOutcome.Unsatisfiable;
            }

            var take = Math.Min(suffix, size);
            return new S3RangeOutcome(new S3Range(size - take, take), false);
        }

        if (!TryParse(first, out var start) || (last.Length > 0 && (!TryParse(last, out var endCheck) || endCheck < start)))
        {
            return S3RangeOutcome.Whole;
        }

        if (start >= size)
        {
            return S3RangeOutcome.Unsatisfiable;
        }

        var end = last.Length == 0 ? size - 1 : Math.Min(long.Parse(last, CultureInfo.InvariantCulture), size - 1);
        return new S3RangeOutcome(new S3Range(start, end - start + 1), false);
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
