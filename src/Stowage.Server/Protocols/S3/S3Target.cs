using Microsoft.AspNetCore.Http.Features;
using Stowage.Core.Common;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// The bucket and key a request addresses. Path style is <c>/{bucket}/{key}</c>; virtual-hosted style
/// names the bucket in the Host header (<c>{bucket}.{VirtualHostDomain}</c>) and the key is the whole path.
/// The key comes from the raw request target, percent-decoded once as UTF-8: ASP.NET's Request.Path
/// normalises dot segments and keeps %2F encoded, but an S3 key is any string, "a/../b" and "a%2Fb" included.
/// </summary>
internal sealed record S3Target(string? Bucket, string? Key)
{
    /// <summary>
    /// An escape in the path or query that does not decode to UTF-8 (<c>%FF</c>, or <c>%ED%A0%80</c>, a UTF-16
    /// surrogate): S3 keys are UTF-8, and AWS answers such a request 400 InvalidURI. Decoded leniently the key
    /// would be the literal text "%FF", the same key as <c>%25FF</c>; the dispatcher refuses it before anything else.
    /// </summary>
    public bool MalformedEncoding { get; init; }

    /// <summary>The resource as S3 names it in errors: "/bucket/key", "/bucket" or "/".</summary>
    public string Resource => Bucket is null ? "/" : Key is null ? "/" + Bucket : "/" + Bucket + "/" + Key;

    public static S3Target Parse(HttpContext context, string? virtualHostDomain)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        // Absolute-form targets (sent to proxies). Only http(s): on Unix, Uri reads "/a/../b" as a file URI and would normalise it.
        if ((rawPath.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rawPath.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) &&
            rawPath.IndexOf('/', rawPath.IndexOf("//", StringComparison.Ordinal) + 2) is var pathStart)
        {
            rawPath = pathStart < 0 ? "/" : rawPath[pathStart..];
        }

        var malformed = !PercentDecoding.IsUtf8(rawPath) || (queryStart >= 0 && !PercentDecoding.IsUtf8(rawTarget[(queryStart + 1)..]));
        return Parse(Uri.UnescapeDataString(rawPath), context.Request.Host.Host, virtualHostDomain) with { MalformedEncoding = malformed };
    }

    private static S3Target Parse(string path, string host, string? virtualHostDomain)
    {
        var hostBucket = BucketFromHost(host, virtualHostDomain);
        if (hostBucket is not null)
        {
            var key = path.TrimStart('/');
            return new S3Target(hostBucket, key.Length == 0 ? null : key);
        }

        var trimmed = path.StartsWith('/') ? path[1..] : path;
        if (trimmed.Length == 0)
        {
            return new S3Target(null, null);
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new S3Target(trimmed, null);
        }

        var objectKey = trimmed[(slash + 1)..];
        return new S3Target(trimmed[..slash], objectKey.Length == 0 ? null : objectKey);
    }

    private static string? BucketFromHost(string host, string? domain)
    {
        if (string.IsNullOrEmpty(domain) || host.Length <= domain.Length + 1)
        {
            return null;
        }

        return host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase) ? host[..^(domain.Length + 1)].ToLowerInvariant() : null;
    }
}
