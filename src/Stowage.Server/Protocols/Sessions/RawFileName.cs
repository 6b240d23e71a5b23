using Microsoft.AspNetCore.Http.Features;
using Stowage.Core.Common;

namespace Stowage.Server.Protocols.Sessions;

/// <summary>
/// The {filename} of <c>/uploads/{id}/{filename}</c> exactly as the client sent it, percent-decoded
/// once, including any encoded or literal slashes: routing would stop at '/', keep '%2F' encoded and
/// collapse dot segments, while seed 004 wants separators stripped from the name instead.
/// Escapes must decode to UTF-8: a name such as <c>%FF.jpg</c> or <c>%ED%A0%80.jpg</c> (a UTF-16 surrogate)
/// names no Unicode text, so it is refused (docs/protocols/sessions.md, "Filenames") rather than kept as the
/// literal "%FF.jpg", which is what <c>%25FF.jpg</c> means.
/// </summary>
internal static class RawFileName
{
    /// <summary>The decoded name; null when its escapes are not UTF-8.</summary>
    public static string? Of(HttpContext context, string uploadId)
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
        return PercentDecoding.TryDecode(encoded, out var name) ? name : null;
    }
}
