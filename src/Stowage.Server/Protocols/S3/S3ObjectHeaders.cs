using System.Globalization;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>The headers GetObject and HeadObject answer with (docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html).</summary>
internal static class S3ObjectHeaders
{
    /// <summary>S3's Content-Type for an object stored without one.</summary>
    private const string DefaultContentType = "binary/octet-stream";

    /// <summary>What a header value may hold here: tab and the printable ASCII characters.</summary>
    private static readonly System.Buffers.SearchValues<char> HeaderSafe =
        System.Buffers.SearchValues.Create("\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

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

    /// <summary>
    /// Null when every response-* override can be sent as a header; else 400 InvalidArgument naming it. The server
    /// sends header values as visible ASCII, space and tab only (RFC 9110 section 5.5 without obs-text), and refuses
    /// anything else rather than fail the answer: a file name beyond ASCII goes into Content-Disposition as
    /// <c>filename*=UTF-8''…</c>, percent-encoded (RFC 6266, RFC 8187).
    /// </summary>
    public static Failure? CheckOverrides(HttpRequest request)
    {
        foreach (var (query, _) in Overrides)
        {
            if (!request.Query.TryGetValue(query, out var values))
            {
                continue;
            }

            var value = values.ToString();
            var bad = value.AsSpan().IndexOfAnyExcept(HeaderSafe);
            if (bad >= 0)
            {
                return new Failure(
                    StowageErrors.InvalidField,
                    new Dictionary<string, object?> { ["ArgumentName"] = query },
                    reason: $"The {query} parameter holds {S3XmlCharacters.Describe(value, bad)}, which an HTTP header cannot carry: only visible ASCII, space and tab. "
                        + "Percent-encode a file name as filename*=UTF-8''… (RFC 6266).");
            }
        }

        return null;
    }

    /// <summary>
    /// A stored value as a header can carry it. Values beyond visible ASCII (user metadata such as "Montréal", sent
    /// raw by a client) are answered as an RFC 2047 encoded-word, <c>=?UTF-8?B?…?=</c>, as S3 does for
    /// non-US-ASCII metadata (docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html); the server would
    /// otherwise refuse to send them and fail the whole answer.
    /// </summary>
    internal static string HeaderValue(string value) =>
        value.AsSpan().IndexOfAnyExcept(HeaderSafe) < 0
            ? value
            : "=?UTF-8?B?" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)) + "?=";

    public static void Write(HttpContext context, S3ObjectRecord obj, bool includeChecksum)
    {
        var headers = context.Response.Headers;
        headers.ETag = S3Xml.QuotedETag(obj.ETag);
        headers.LastModified = S3Preconditions.TruncateToSeconds(obj.LastModified).ToString("R", CultureInfo.InvariantCulture);
        headers.AcceptRanges = "bytes";
        headers.ContentType = obj.Headers.TryGetValue("content-type", out var type) ? HeaderValue(type) : DefaultContentType;
        foreach (var (name, value) in obj.Headers)
        {
            if (name != "content-type")
            {
                headers[name] = HeaderValue(value);
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
