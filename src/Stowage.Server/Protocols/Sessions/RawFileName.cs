using Microsoft.AspNetCore.Http.Features;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>
/// The {filename} of <c>/uploads/{id}/{filename}</c> exactly as the client sent it, percent-decoded
/// once, including any encoded or literal slashes: routing would stop at '/', keep '%2F' encoded and
/// collapse dot segments, while seed 004 wants separators stripped from the name instead.
/// </summary>
internal static class RawFileName
{
    public static string Of(HttpContext context, string uploadId)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            raw = raw[..query];
        }

        var marker = "/uploads/" + uploadId + "/";
        var at = raw.IndexOf(marker, StringComparison.Ordinal);
        var encoded = at < 0 ? string.Empty : raw[(at + marker.Length)..];
        try
        {
            return Uri.UnescapeDataString(encoded);
        }
        catch (UriFormatException)
        {
            return encoded;
        }
    }
}
