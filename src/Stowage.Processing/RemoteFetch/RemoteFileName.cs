using System.Net.Http.Headers;

namespace Stowage.Processing.RemoteFetch;

/// <summary>The name a fetched file gets, left unsanitized: the caller's filename policy cleans it.</summary>
internal static class RemoteFileName
{
    /// <summary>Content-Disposition filename* (RFC 6266 4.3, RFC 8187), then filename, then the final URL's last path segment.</summary>
    public static string? From(HttpContentHeaders headers, Uri finalUrl)
    {
        var disposition = headers.ContentDisposition;
        var fromHeader = NonEmpty(disposition?.FileNameStar) ?? NonEmpty(Unquote(disposition?.FileName));
        return fromHeader ?? FromUrl(finalUrl);
    }

    public static string? FromUrl(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? null : NonEmpty(Uri.UnescapeDataString(segments[^1]));
    }

    // ContentDispositionHeaderValue.FileName keeps the quotes of a quoted-string (RFC 9110 5.6.4).
    private static string? Unquote(string? value) =>
        value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"'
            ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : value;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
