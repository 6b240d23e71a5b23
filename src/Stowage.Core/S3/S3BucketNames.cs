namespace Stowage.Core.S3;

/// <summary>
/// General-purpose bucket naming rules (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html):
/// 3–63 characters; lowercase letters, digits, dots and hyphens; a letter or digit first and last; no two
/// adjacent periods; not formatted as an IP address; not starting with <c>xn--</c> (nor the other reserved
/// prefixes) and not ending with <c>-s3alias</c> (nor the other reserved suffixes). Dots are allowed:
/// path-style addressing serves names like <c>iguides.plntr.ca</c>.
/// </summary>
internal static class S3BucketNames
{
    private const int MinLength = 3;
    private const int MaxLength = 63;

    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static bool IsValid(string? name)
    {
        if (name is null || name.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        if (!IsLetterOrDigit(name[0]) || !IsLetterOrDigit(name[^1]) || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsLetterOrDigit(c) && c is not '.' and not '-')
            {
                return false;
            }
        }

        return !LooksLikeIPv4(name)
            && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            && !ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>Four dot-separated decimal numbers (192.168.5.4, or 999.1.1.1 which is not even one), which a virtual-hosted request could not tell from an address.</summary>
    private static bool LooksLikeIPv4(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
