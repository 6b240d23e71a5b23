using Microsoft.AspNetCore.Http.Features;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// The request target exactly as the client sent it, split into path and query (without '?'): SigV4's
/// canonical URI is the path as sent (S3 does not double-encode, reference/s3-wire/SUMMARY.md) and the query
/// must be re-encoded from what was sent, not from ASP.NET's decoded view.
/// </summary>
internal readonly record struct S3RawTarget(string Path, string Query)
{
    public static S3RawTarget From(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return Fallback(request);
        }

        // Absolute-form (a proxy's "GET http://host/path"): keep from the path on.
        if (raw[0] != '/')
        {
            var scheme = raw.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return Fallback(request);
            }

            var slash = raw.IndexOfAny(['/', '?'], scheme + 3);
            raw = slash < 0 ? "/" : raw[slash] == '?' ? "/" + raw[slash..] : raw[slash..];
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? new S3RawTarget(raw, string.Empty) : new S3RawTarget(raw[..question], raw[(question + 1)..]);
    }

    private static S3RawTarget Fallback(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).ToUriComponent();
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        return new S3RawTarget(path.Length == 0 ? "/" : path, query);
    }
}
