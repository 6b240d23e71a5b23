using System.Text;

namespace Stowage.Core.Processing;

/// <summary>
/// Turns an archive entry's stored name into a safe relative path inside its project, or refuses it.
/// Refused: absolute paths, drive letters, '..' segments, control characters, over-long names
/// (the "zip slip" family). Backslashes are separators, as zip tools on Windows write them.
/// </summary>
public static class ArchivePaths
{
    public const int MaxSegmentBytes = 255;
    public const int MaxPathBytes = 1024;

    /// <summary>The normalized '/'-separated path, or null when the name is unsafe. "" for the root itself.</summary>
    public static string? Sanitize(string name)
    {
        var unified = name.Replace('\\', '/');
        if (unified.StartsWith('/') || (unified.Length >= 2 && unified[1] == ':') || unified.Any(char.IsControl))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue; // "a//b" and "./a" are harmless spellings
            }

            if (segment == ".." || Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return null;
            }

            segments.Add(segment);
        }

        var path = string.Join('/', segments);
        return Encoding.UTF8.GetByteCount(path) > MaxPathBytes ? null : path;
    }
}
