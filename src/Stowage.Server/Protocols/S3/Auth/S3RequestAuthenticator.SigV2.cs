using System.Globalization;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// Signature Version 2 (docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html): presigned
/// URLs (<c>AWSAccessKeyId</c>, <c>Expires</c>, <c>Signature</c>; the default of boto3 and awscli v1, and
/// s3cmd's signurl) and, because it costs little more, the <c>Authorization: AWS key:signature</c> header.
/// The payload is never signed in V2: the body is passed through as is (Content-MD5 still applies).
/// </summary>
internal sealed partial class S3RequestAuthenticator
{
    private async ValueTask<Result<S3AuthenticatedRequest>> QueryV2Async(RequestContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        foreach (var name in new[] { SigV2Signer.QueryAccessKeyId, SigV2Signer.QuerySignature, SigV2Signer.QueryExpires })
        {
            if (!context.TrySingle(name, out _))
            {
                return S3AuthFailures.Message(StowageErrors.InvalidField, $"The {name} parameter appears more than once.");
            }
        }

        var accessKeyId = context.Single(SigV2Signer.QueryAccessKeyId);
        var signature = context.Single(SigV2Signer.QuerySignature);
        var expiresText = context.Single(SigV2Signer.QueryExpires);
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(expiresText))
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
        }

        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresSeconds)
            || expiresSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "Expires must be the expiry time in seconds since the epoch.");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresSeconds);
        if (context.Now > expires)
        {
            return S3AuthFailures.Expired(expires, context.Now);
        }

        // V2 has no limit of its own; the endpoint's is applied so no presigned URL outlives S3Options.MaxPresignedSeconds.
        if (expires - context.Now > TimeSpan.FromSeconds((long)_options.MaxPresignedSeconds + _options.MaxClockSkewSeconds))
        {
            return S3AuthFailures.QueryError($"Expires is more than {_options.MaxPresignedSeconds} seconds in the future.");
        }

        var token = context.Single(SecurityTokenHeader) ?? Header(request, SecurityTokenHeader)?.Trim();
        var credential = await resolver.ResolveAsync(accessKeyId, token, cancellationToken).ConfigureAwait(false);
        if (!credential.IsSuccess)
        {
            return credential.Failure;
        }

        // Base64 has '+', which a client that does not encode it sends raw, and a query decoder reads as a space.
        var provided = signature.Replace(' ', '+');
        var mismatch = VerifyV2(context, credential.Value, expiresText, [expiresText], provided);
        return mismatch ?? Authenticated(context, credential.Value);
    }

    private async ValueTask<Result<S3AuthenticatedRequest>> HeaderV2Async(RequestContext context, string authorization, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var credentials = authorization["AWS ".Length..].Trim();
        var colon = credentials.LastIndexOf(':');
        if (colon <= 0 || colon == credentials.Length - 1)
        {
            return S3AuthFailures.HeaderMalformed("The authorization header is malformed; expecting 'AWS <AWSAccessKeyId>:<Signature>'.");
        }

        // "When an x-amz-date header is present … use the empty string for the Date when constructing the
        // StringToSign" (RESTAuthentication.html); the date itself then comes from x-amz-date.
        var amzDate = Header(request, "x-amz-date")?.Trim();
        var date = Header(request, "Date")?.Trim();
        if (!DateTimeOffset.TryParse(amzDate ?? date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var requestTime))
        {
            return S3AuthFailures.Message(StowageErrors.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header");
        }

        if (IsSkewed(requestTime, context.Now))
        {
            return S3AuthFailures.TooSkewed(requestTime, context.Now, _options.MaxClockSkewSeconds);
        }

        var credential = await resolver.ResolveAsync(
            credentials[..colon],
            Header(request, SecurityTokenHeader)?.Trim(),
            cancellationToken).ConfigureAwait(false);
        if (!credential.IsSuccess)
        {
            return credential.Failure;
        }

        // Some signers put the Date header in the string-to-sign even beside x-amz-date: accept either.
        string[] dateLines = amzDate is null ? [date ?? string.Empty] : date is null ? [string.Empty] : [string.Empty, date];
        var mismatch = VerifyV2(context, credential.Value, dateLines[0], dateLines, credentials[(colon + 1)..]);
        return mismatch ?? Authenticated(context, credential.Value);
    }

    /// <summary>
    /// Checks a V2 signature over each candidate date line and resource (path-style, then virtual-hosted);
    /// null when one matches. x-amz-* query parameters count as headers (botocore moves x-amz-acl and the
    /// security token into the query of the URLs it presigns), Content-Type and Content-MD5 come from the
    /// headers or, failing those, from the query (where botocore puts them too). Every x-amz-* header is in the
    /// string to sign, so none can be unsigned, except one whose query twin carries another value.
    /// </summary>
    private Failure? VerifyV2(RequestContext context, S3Credential credential, string reportedDateLine, string[] dateLines, string provided)
    {
        var request = context.Request;
        var amzHeaders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                amzHeaders[name.ToLowerInvariant()] = string.Join(',', values.Select(static v => SigV4Encoding.CanonicalHeaderValue(v ?? string.Empty)));
            }
        }

        // The query's value is the one signed; a header of the same name with another value is then signed by
        // nobody (the dispatcher reads x-amz-acl from the header first), so it is refused as S3 refuses unsigned
        // x-amz-* headers under SigV4 (docs/protocols/s3.md, "Unsigned headers").
        List<string>? unsigned = null;
        foreach (var (name, value) in context.Query)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                var lower = name.ToLowerInvariant();
                if (amzHeaders.TryGetValue(lower, out var headerValue) && headerValue != SigV4Encoding.CanonicalHeaderValue(value) && !(unsigned ??= []).Contains(lower))
                {
                    unsigned.Add(lower);
                }

                amzHeaders[lower] = value;
            }
        }

        var canonicalAmz = SigV2Signer.CanonicalAmzHeaders(amzHeaders);
        var contentMd5 = Header(request, "Content-MD5") ?? context.Single("content-md5");
        var contentType = Header(request, "Content-Type") ?? context.Single("content-type");
        var query = context.Query.Select(static p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToList();

        string? reported = null;
        foreach (var path in V2ResourcePaths(context))
        {
            var resource = SigV2Signer.CanonicalResource(path, query);
            foreach (var dateLine in dateLines)
            {
                var stringToSign = SigV2Signer.StringToSign(request.Method, contentMd5, contentType, dateLine, canonicalAmz, resource);
                if (SigV2Signer.SignaturesEqual(SigV2Signer.Sign(credential.SecretAccessKey, stringToSign), provided))
                {
                    return unsigned is null ? null : S3AuthFailures.HeadersNotSigned([.. unsigned.Order(StringComparer.Ordinal)]);
                }

                if (reported is null && dateLine == reportedDateLine)
                {
                    reported = stringToSign;
                }
            }
        }

        return S3AuthFailures.SignatureDoesNotMatch(credential.AccessKeyId, reported!, provided, canonicalRequest: null);
    }

    /// <summary>The path as sent, and for a virtual-hosted request (Host = bucket.&lt;public endpoint host&gt;) "/bucket" + path.</summary>
    private IEnumerable<string> V2ResourcePaths(RequestContext context)
    {
        var path = context.Target.Path.Length == 0 ? "/" : context.Target.Path;
        yield return path;
        if (_options.PublicEndpoint is { } endpoint
            && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            && context.Request.Host.Host is { Length: > 0 } host
            && host.Length > uri.Host.Length + 1
            && host.EndsWith("." + uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            yield return "/" + host[..^(uri.Host.Length + 1)] + path;
        }
    }

    private Result<S3AuthenticatedRequest> Authenticated(RequestContext context, S3Credential credential)
    {
        var body = BuildBody(context.Request, S3PayloadMode.Unsigned, payloadHash: null, chain: null);
        return body.IsSuccess ? new S3AuthenticatedRequest(credential.Principal, body.Value) : body.Failure;
    }
}
