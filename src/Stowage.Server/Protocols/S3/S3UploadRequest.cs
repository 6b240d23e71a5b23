using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// What PutObject and UploadPart share: the body (already framed and verified by the authenticator),
/// its declared length, Content-MD5 and the checksum to compute and verify, and the answer headers
/// (ETag and, so that SDKs put ChecksumCRC32 in their Complete body, the computed checksum; SUMMARY,
/// "Cross-client table" footnote).
/// </summary>
internal static class S3UploadRequest
{
    public static Result<(Stream Content, long? Length, ObjectWrite Write)> Prepare(S3Call call, bool storeHeaders)
    {
        var body = call.Auth.Body;
        var length = body.DecodedLength;
        if (length is null && !IsFramedWithoutLength(call.Request))
        {
            return StowageErrors.LengthRequired;
        }

        var md5 = S3RequestHeaders.ContentMd5(call.Request);
        if (!md5.IsSuccess)
        {
            return md5.Failure;
        }

        IReadOnlyDictionary<string, string> headers = new Dictionary<string, string>();
        if (storeHeaders)
        {
            var stored = S3RequestHeaders.StoredHeaders(call.Request);
            if (!stored.IsSuccess)
            {
                return stored.Failure;
            }

            headers = stored.Value;
        }

        var write = new ObjectWrite(headers, md5.Value, body.Algorithm, () => body.HeaderChecksum ?? body.TrailerChecksum());
        return (body.Content, length, write);
    }

    /// <summary>200 with no body, the ETag and the computed checksum: PutObject's and UploadPart's answer.</summary>
    public static void Answer(HttpResponse response, string etag, ChecksumValue? checksum)
    {
        response.Headers.ETag = S3Xml.QuotedETag(etag);
        if (checksum is not null)
        {
            response.Headers[ChecksumNames.HeaderName(checksum.Algorithm)] = checksum.Base64;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = 0;
    }

    private static bool IsFramedWithoutLength(HttpRequest request) =>
        request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
}
