using System.Globalization;

namespace Stowage.Cli.Commands;

/// <summary>Reads sizes like 1048576, 500M, 10GiB or 2T (decimal K/M/G/T, binary KiB/MiB/GiB/TiB), and "none".</summary>
internal static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Suffixes =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("K", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
    ];

    /// <summary>null text keeps <paramref name="current"/>; "none" clears it.</summary>
    public static long? ParseOrKeep(string? text, long? current)
    {
        if (text is null)
        {
            return current;
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return checked(long.Parse(text[..^suffix.Length].Trim(), NumberStyles.None, CultureInfo.InvariantCulture) * factor);
            }
        }

        return long.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
