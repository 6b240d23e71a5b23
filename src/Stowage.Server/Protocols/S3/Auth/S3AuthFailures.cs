using System.Globalization;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// The authentication failures, with S3's own messages (which clients and their users read) in
/// <c>Details["Message"]</c> and S3's extra elements (StringToSign, CanonicalRequest, RequestTime …) beside it.
/// </summary>
internal static class S3AuthFailures
{
    public static Failure Message(ErrorCode error, string message) => S3Failures.WithMessage(error, message);

    public static Failure Anonymous() =>
        Message(S3Errors.AccessDenied, "Anonymous access is not allowed: sign the request (SigV4 Authorization header or presigned URL).");

    public static Failure SignatureDoesNotMatch(string accessKeyId, string stringToSign, string? signatureProvided, string? canonicalRequest)
    {
        var details = new Dictionary<string, object?>
        {
            [S3Failures.MessageField] = S3Errors.SignatureDoesNotMatch.Message,
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
            [S3Failures.MessageField] = S3Errors.RequestTimeTooSkewed.Message,
            ["RequestTime"] = requestTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["ServerTime"] = serverTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["MaxAllowedSkewMilliseconds"] = (maxSkewSeconds * 1000L).ToString(CultureInfo.InvariantCulture),
        });

    public static Failure Expired(DateTimeOffset expires, DateTimeOffset serverTime) =>
        new(S3Errors.AccessDenied, new Dictionary<string, object?>
        {
            [S3Failures.MessageField] = "Request has expired",
            ["Expires"] = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["ServerTime"] = serverTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });

    /// <summary>403 AccessDenied for x-amz-* headers the signature does not cover, named as S3 names them.</summary>
    public static Failure HeadersNotSigned(IReadOnlyList<string> names) =>
        new(S3Errors.AccessDenied, new Dictionary<string, object?>
        {
            [S3Failures.MessageField] = SigV4UnsignedHeaders.Message,
            [SigV4UnsignedHeaders.ErrorElement] = string.Join(", ", names),
        });

    public static Failure HeaderMalformed(string message) => Message(S3Errors.AuthorizationHeaderMalformed, message);

    public static Failure QueryError(string message) => Message(S3Errors.AuthorizationQueryParametersError, message);
}
