using Microsoft.Net.Http.Headers;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// GetObject/HeadObject conditionals (docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html, "If-Match"…):
/// If-Match and If-Unmodified-Since failing → 412 PreconditionFailed; If-None-Match matching or
/// If-Modified-Since not satisfied → 304 Not Modified. When If-Match holds, If-Unmodified-Since is ignored;
/// when If-None-Match fails, If-Modified-Since is ignored (RFC 9110 §13.2.2 order, which S3 follows).
/// </summary>
internal static class S3Preconditions
{
    public static int? Evaluate(HttpRequest request, S3ObjectRecord obj)
    {
        var headers = request.GetTypedHeaders();
        var etag = new EntityTagHeaderValue(S3Xml.QuotedETag(obj.ETag));
        var lastModified = TruncateToSeconds(obj.LastModified);

        if (headers.IfMatch.Count > 0)
        {
            if (!headers.IfMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                return StatusCodes.Status412PreconditionFailed;
            }
        }
        else if (headers.IfUnmodifiedSince is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return StatusCodes.Status412PreconditionFailed;
        }

        if (headers.IfNoneMatch.Count > 0)
        {
            if (headers.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                return StatusCodes.Status304NotModified;
            }
        }
        else if (headers.IfModifiedSince is { } modifiedSince && lastModified <= modifiedSince)
        {
            return StatusCodes.Status304NotModified;
        }

        return null;
    }

    /// <summary>HTTP dates have whole seconds: compare at that precision.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset when) =>
        new(when.Ticks - (when.Ticks % TimeSpan.TicksPerSecond), when.Offset);
}
