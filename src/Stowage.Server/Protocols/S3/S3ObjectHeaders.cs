using System.Globalization;
using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>The headers GetObject and HeadObject answer with (docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html).</summary>
internal static class S3ObjectHeaders
{
    /// <summary>S3's Content-Type for an object stored without one.</summary>
    private const string DefaultContentType = "binary/octet-stream";

    /// <summary>Query parameters of GetObject that override a response header (presigned downloads use them).</summary>
    private static readonly (string Query, string Header)[] Overrides =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    public static void Write(HttpContext context, S3ObjectRecord obj, bool includeChecksum)
    {
        var headers = context.Response.Headers;
        headers.ETag = S3Xml.QuotedETag(obj.ETag);
        headers.LastModified = S3Preconditions.TruncateToSeconds(obj.LastModified).ToString("R", CultureInfo.InvariantCulture);
        headers.AcceptRanges = "bytes";
        headers.ContentType = obj.Headers.TryGetValue("content-type", out var type) ? type : DefaultContentType;
        foreach (var (name, value) in obj.Headers)
        {
            if (name != "content-type")
            {
                headers[name] = value;
            }
        }

        if (obj.PartsCount is { } parts && context.Request.Query.ContainsKey("partNumber"))
        {
            headers["x-amz-mp-parts-count"] = parts.ToString(CultureInfo.InvariantCulture);
        }

        // Checksums are returned only when asked (x-amz-checksum-mode: ENABLED), as S3 does.
        if (includeChecksum && obj.Checksum is { } checksum &&
            context.Request.Headers["x-amz-checksum-mode"].ToString().Equals("ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            headers[ChecksumNames.HeaderName(checksum.Algorithm)] = checksum.Base64;
        }

        foreach (var (query, header) in Overrides)
        {
            if (context.Request.Query.TryGetValue(query, out var value))
            {
                headers[header] = value.ToString();
            }
        }
    }
}
