using System.Globalization;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Protocols.S3.Streaming;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>Presigned SigV4 (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html).</summary>
internal sealed partial class S3RequestAuthenticator
{
    private const string MissingV4Parameters =
        "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";

    private static readonly string[] V4Parameters =
    [
        SigV4.QueryAlgorithm, SigV4.QueryCredential, SigV4.QueryDate, SigV4.QueryExpires, SigV4.QuerySignedHeaders,
        SigV4.QuerySignature, SigV4.QuerySecurityToken, SigV4.QueryContentSha256,
    ];

    private async ValueTask<Result<S3AuthenticatedRequest>> QueryV4Async(RequestContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var duplicate = V4Parameters.FirstOrDefault(name => !context.TrySingle(name, out _));
        if (duplicate is not null)
        {
            return S3AuthFailures.QueryError($"The {duplicate} parameter appears more than once.");
        }

        var algorithm = context.Single(SigV4.QueryAlgorithm);
        var credentialText = context.Single(SigV4.QueryCredential);
        var amzTimestamp = context.Single(SigV4.QueryDate);
        var expiresText = context.Single(SigV4.QueryExpires);
        var signedHeadersText = context.Single(SigV4.QuerySignedHeaders);
        var signature = context.Single(SigV4.QuerySignature);
        var queryToken = context.Single(SigV4.QuerySecurityToken);
        var queryPayloadHash = context.Single(SigV4.QueryContentSha256);
        if (algorithm is null || credentialText is null || amzTimestamp is null || expiresText is null || signedHeadersText is null || signature is null)
        {
            return S3AuthFailures.QueryError(MissingV4Parameters);
        }

        if (!string.Equals(algorithm, SigV4.Algorithm, StringComparison.Ordinal))
        {
            return S3AuthFailures.QueryError("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }

        if (!SigV4Credential.TryParse(credentialText, out var credential))
        {
            return S3AuthFailures.QueryError(
                "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }

        if (!string.Equals(credential.Scope.Service, SigV4.Service, StringComparison.Ordinal))
        {
            return S3AuthFailures.QueryError($"Error parsing the X-Amz-Credential parameter; incorrect service \"{credential.Scope.Service}\". This endpoint belongs to \"s3\".");
        }

        if (!AmzDate.TryParseTimestamp(amzTimestamp, out var requestTime))
        {
            return S3AuthFailures.QueryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }

        if (!string.Equals(credential.Scope.Date, amzTimestamp[..8], StringComparison.Ordinal))
        {
            return S3AuthFailures.QueryError("Error parsing the X-Amz-Credential parameter; the date is not the same as X-Amz-Date.");
        }

        var maxExpires = Math.Min(_options.MaxPresignedSeconds, SigV4.MaxPresignedSeconds);
        if (!int.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires < 1)
        {
            return S3AuthFailures.QueryError("X-Amz-Expires must be a positive whole number of seconds.");
        }

        if (expires > maxExpires)
        {
            return S3AuthFailures.QueryError($"X-Amz-Expires must be less than a week (in seconds) that is; {maxExpires}");
        }

        var signedHeaders = signedHeadersText.Split(';', StringSplitOptions.TrimEntries).Select(static n => n.ToLowerInvariant()).ToArray();
        if (!signedHeaders.Contains("host") || signedHeaders.Any(string.IsNullOrEmpty))
        {
            return S3AuthFailures.QueryError("X-Amz-SignedHeaders must be a ';'-separated list that contains host.");
        }

        if (requestTime - context.Now > TimeSpan.FromSeconds(_options.MaxClockSkewSeconds))
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "Request is not valid yet");
        }

        if (context.Now > requestTime.AddSeconds(expires))
        {
            return S3AuthFailures.Expired(requestTime.AddSeconds(expires), context.Now);
        }

        var headerToken = Header(request, SecurityTokenHeader)?.Trim();
        if (queryToken is null && headerToken is not null && !signedHeaders.Contains(SecurityTokenHeader))
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "The x-amz-security-token header must be among the signed headers.");
        }

        // A presigned URL's payload is UNSIGNED-PAYLOAD unless it says otherwise (the JS SDK writes it out).
        var payloadHash = queryPayloadHash ?? SigV4.UnsignedPayload;
        if (!S3PayloadHash.TryClassify(payloadHash, out var mode))
        {
            return S3AuthFailures.QueryError("X-Amz-Content-Sha256 must be UNSIGNED-PAYLOAD, a STREAMING-… value, or a valid sha256 value.");
        }

        var resolved = await resolver.ResolveAsync(credential.AccessKeyId, queryToken ?? headerToken, cancellationToken).ConfigureAwait(false);
        if (!resolved.IsSuccess)
        {
            return resolved.Failure;
        }

        var signingKey = SigningKeys.Get(resolved.Value.SecretAccessKey, credential.Scope);
        var mismatch = VerifyV4(
            context,
            SigV4Encoding.CanonicalQueryString(context.Query, exclude: SigV4.QuerySignature),
            CanonicalHeaders(request, signedHeaders),
            payloadHash,
            amzTimestamp,
            credential,
            signingKey,
            signature);
        if (mismatch is not null)
        {
            return mismatch;
        }

        if (UnsignedHeaders(context, signedHeaders, presigned: true) is { } unsigned)
        {
            return unsigned;
        }

        // Checksums that arrive as query parameters are signed (they are part of the canonical query) but NOT
        // enforced. The JS SDK v3's getSignedUrl(PutObject) adds x-amz-checksum-crc32=AAAAAA== — the CRC32 of
        // an EMPTY body, computed at signing time when the SDK has no body — and x-amz-sdk-checksum-algorithm=CRC32
        // (reference/s3-wire/SUMMARY.md, "getSignedUrl(PutObject)": enforcing it rejects every JS presigned
        // upload). Only checksums sent as headers (or trailers) are verified, so those two parameters are ignored.
        var chain = mode is S3PayloadMode.StreamingSigned or S3PayloadMode.StreamingSignedTrailer
            ? new ChunkSignatureChain(signingKey, amzTimestamp, credential.Scope, signature)
            : null;
        var body = BuildBody(request, mode, payloadHash, chain);
        return body.IsSuccess ? new S3AuthenticatedRequest(resolved.Value.Principal, body.Value) : body.Failure;
    }
}
