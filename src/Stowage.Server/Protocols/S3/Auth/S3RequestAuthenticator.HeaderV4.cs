using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Protocols.S3.Streaming;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>SigV4 in the Authorization header (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html).</summary>
internal sealed partial class S3RequestAuthenticator
{
    private async ValueTask<Result<S3AuthenticatedRequest>> HeaderV4Async(RequestContext context, string authorization, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!SigV4AuthorizationHeader.TryParse(authorization, out var header, out var error))
        {
            return S3AuthFailures.HeaderMalformed(error);
        }

        var scope = header.Credential.Scope;
        if (!string.Equals(scope.Service, SigV4.Service, StringComparison.Ordinal))
        {
            return S3AuthFailures.HeaderMalformed($"The authorization header is malformed; incorrect service '{scope.Service}'. This endpoint belongs to 's3'.");
        }

        var amzTimestamp = Header(request, AmzDateHeader)?.Trim();
        if (!AmzDate.TryParseTimestamp(amzTimestamp, out var requestTime))
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header");
        }

        if (!string.Equals(scope.Date, amzTimestamp[..8], StringComparison.Ordinal))
        {
            return S3AuthFailures.HeaderMalformed("The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.");
        }

        if (IsSkewed(requestTime, context.Now))
        {
            return S3AuthFailures.TooSkewed(requestTime, context.Now, _options.MaxClockSkewSeconds);
        }

        if (!header.SignedHeaders.Contains("host"))
        {
            return S3AuthFailures.HeaderMalformed("The authorization header is malformed; the host header must be signed.");
        }

        var payloadHash = Header(request, ContentSha256Header)?.Trim();
        if (payloadHash is null)
        {
            return S3AuthFailures.Message(StowageErrors.InvalidRequest, "Missing required header for this request: x-amz-content-sha256");
        }

        if (!S3PayloadHash.TryClassify(payloadHash, out var mode))
        {
            return S3AuthFailures.Message(
                StowageErrors.InvalidField,
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER], STREAMING-UNSIGNED-PAYLOAD-TRAILER, or a valid sha256 value.");
        }

        // A temporary credential's token travels in a header, which must then be signed so it cannot be swapped.
        var token = Header(request, SecurityTokenHeader)?.Trim();
        if (token is not null && !header.SignedHeaders.Contains(SecurityTokenHeader))
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "The x-amz-security-token header must be among the signed headers.");
        }

        var credential = await resolver.ResolveAsync(header.Credential.AccessKeyId, token, cancellationToken).ConfigureAwait(false);
        if (!credential.IsSuccess)
        {
            return credential.Failure;
        }

        var signingKey = SigningKeys.Get(credential.Value.SecretAccessKey, scope);
        var mismatch = VerifyV4(
            context,
            SigV4Encoding.CanonicalQueryString(context.Query),
            CanonicalHeaders(request, header.SignedHeaders),
            payloadHash,
            amzTimestamp,
            header.Credential,
            signingKey,
            header.Signature);
        if (mismatch is not null)
        {
            return mismatch;
        }

        if (UnsignedHeaders(context, header.SignedHeaders, presigned: false) is { } unsigned)
        {
            return unsigned;
        }

        var chain = mode is S3PayloadMode.StreamingSigned or S3PayloadMode.StreamingSignedTrailer
            ? new ChunkSignatureChain(signingKey, amzTimestamp, scope, header.Signature)
            : null;
        var body = BuildBody(request, mode, payloadHash, chain);
        return body.IsSuccess ? new S3AuthenticatedRequest(credential.Value.Principal, body.Value) : body.Failure;
    }
}
