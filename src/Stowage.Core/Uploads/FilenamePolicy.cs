using System.Globalization;
using System.Text;
using Stowage.Core.Errors;

namespace Stowage.Core.Uploads;

/// <summary>
/// Seed 004, "Filenames, limits, pacing": "Filenames are flattened. Path separators and unsafe
/// characters are stripped server-side; nested folders are not supported". So <c>a/b/c.jpg</c> becomes
/// <c>abc.jpg</c> and <c>../../etc/passwd</c> becomes <c>etcpasswd</c>: nothing can name a place outside its session.
/// </summary>
public static class FilenamePolicy
{
    /// <summary>NAME_MAX of common file systems, in UTF-8 bytes; also keeps object keys short.</summary>
    public const int MaxNameBytes = 255;

    // Separators and the characters Windows forbids in names: stripped so a name means the same
    // file on every client that later downloads it.
    private const string Unsafe = "/\\<>:\"|?*";

    /// <summary>Flattens a client's name; 400 invalid_filename when nothing usable is left or it is too long.</summary>
    public static Result<string> Flatten(string raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > 4 * MaxNameBytes)
        {
            return StowageErrors.InvalidFilename;
        }

        // NFC first, so "é" typed on macOS (NFD) and on Windows (NFC) name the same file.
        string normalized;
        try
        {
            normalized = raw.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return StowageErrors.InvalidFilename; // unpaired surrogates
        }

        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var category = char.GetUnicodeCategory(c);
            if (Unsafe.Contains(c, StringComparison.Ordinal) || category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue; // control characters, NUL, and invisible format characters such as bidi overrides
            }

            builder.Append(c);
        }

        // Leading dots would make hidden files or '..'; trailing dots and spaces are dropped by Windows.
        var name = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ').Trim();
        if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            return StowageErrors.InvalidFilename;
        }

        return name;
    }

    /// <summary>The lowercase extension without the dot, or "" when the name has none.</summary>
    public static string ExtensionOf(string flatName)
    {
        var dot = flatName.LastIndexOf('.');
        return dot <= 0 || dot == flatName.Length - 1 ? string.Empty : flatName[(dot + 1)..].ToLowerInvariant();
    }
}
