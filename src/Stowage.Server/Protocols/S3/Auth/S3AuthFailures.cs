using System.Globalization;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// The authentication failures, with S3's own messages (which clients and their users read) as the
/// failure's reason and S3's extra elements (StringToSign, CanonicalRequest, RequestTime …) beside it.
/// </summary>
internal static class S3AuthFailures
{
    public static Failure Message(ErrorCode error, string message) => Failure.Because(error, message);

    public static Failure Anonymous() =>
        Message(StowageErrors.AccessDenied, "Anonymous access is not allowed: sign the request (SigV4 Authorization header or presigned URL).");

    public static Failure SignatureDoesNotMatch(string accessKeyId, string stringToSign, string? signatureProvided, string? canonicalRequest)
    {
        var details = new Dictionary<string, object?>
        {
            ["AWSAccessKeyId"] = accessKeyId,
            ["StringToSign"] = stringToSign,
            ["SignatureProvided"] = signatureProvided,
        };
        if (canonicalRequest is not null)
        {
            details["CanonicalRequest"] = canonicalRequest;
        }

        return new Failure(S3Errors.SignatureDoesNotMatch, details);
    }

    public static Failure TooSkewed(DateTimeOffset requestTime, DateTimeOffset serverTime, int maxSkewSeconds) =>
        new(S3Errors.RequestTimeTooSkewed, new Dictionary<string, object?>
        {
            ["RequestTime"] = requestTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["ServerTime"] = serverTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["MaxAllowedSkewMilliseconds"] = (maxSkewSeconds * 1000L).ToString(CultureInfo.InvariantCulture),
        });

    public static Failure Expired(DateTimeOffset expires, DateTimeOffset serverTime) =>
        new(StowageErrors.AccessDenied, reason: "Request has expired", details: new Dictionary<string, object?>
        {
            ["Expires"] = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["ServerTime"] = serverTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });

    /// <summary>403 AccessDenied for x-amz-* headers the signature does not cover, named as S3 names them.</summary>
    public static Failure HeadersNotSigned(IReadOnlyList<string> names) =>
        new(StowageErrors.AccessDenied, reason: SigV4UnsignedHeaders.Message, details: new Dictionary<string, object?>
        {
            [SigV4UnsignedHeaders.ErrorElement] = string.Join(", ", names),
        });

    public static Failure HeaderMalformed(string message) => Message(S3Errors.AuthorizationHeaderMalformed, message);

    public static Failure QueryError(string message) => Message(S3Errors.AuthorizationQueryParametersError, message);
}
