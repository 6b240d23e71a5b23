using Microsoft.Extensions.Options;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// Verifies an S3 request's signature — SigV4 Authorization header, presigned SigV4 query, presigned SigV2
/// query, or SigV2 Authorization header — looks the credentials up through <see cref="IS3CredentialResolver"/>,
/// and wraps the body in what checks it while it is read (payload SHA-256, aws-chunked chunk signatures).
/// It never reads the body itself. The split follows minio's: parse, canonicalize, sign and compare in
/// constant time (Core/S3/Signing), stream-verify (Streaming/).
/// </summary>
internal sealed partial class S3RequestAuthenticator(IS3CredentialResolver resolver, IOptions<S3Options> options, TimeProvider time)
{
    private const string AmzDateHeader = "x-amz-date";
    private const string ContentSha256Header = "x-amz-content-sha256";
    private const string SecurityTokenHeader = "x-amz-security-token";

    private readonly S3Options _options = options.Value;

    public ValueTask<Result<S3AuthenticatedRequest>> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var context = new RequestContext(request, S3RawTarget.From(request), time.GetUtcNow());
        var query = context.Query;
        var authorization = request.Headers.Authorization.ToString();
        var presignedV4 = query.Any(static p => p.Key is SigV4.QueryAlgorithm or SigV4.QueryCredential or SigV4.QuerySignature);
        var presignedV2 = query.Any(static p => p.Key is SigV2Signer.QueryAccessKeyId or SigV2Signer.QuerySignature);

        if (authorization.Length > 0 && (presignedV4 || presignedV2))
        {
            return Fail(S3AuthFailures.Message(
                StowageErrors.InvalidField,
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified"));
        }

        if (authorization.Length > 0)
        {
            if (SigV4AuthorizationHeader.IsSigV4(authorization))
            {
                return HeaderV4Async(context, authorization, cancellationToken);
            }

            return authorization.StartsWith("AWS ", StringComparison.Ordinal)
                ? HeaderV2Async(context, authorization, cancellationToken)
                : Fail(S3AuthFailures.Message(StowageErrors.InvalidField, "Unsupported Authorization Type"));
        }

        if (presignedV4)
        {
            return QueryV4Async(context, cancellationToken);
        }

        return presignedV2 ? QueryV2Async(context, cancellationToken) : Fail(S3AuthFailures.Anonymous());
    }

    private static ValueTask<Result<S3AuthenticatedRequest>> Fail(Failure failure) => ValueTask.FromResult(Result<S3AuthenticatedRequest>.Fail(failure));

    private bool IsSkewed(DateTimeOffset requestTime, DateTimeOffset now) =>
        (requestTime - now).Duration() > TimeSpan.FromSeconds(_options.MaxClockSkewSeconds);

    /// <summary>
    /// Checks a SigV4 signature; null when it matches. The canonical URI is the path as sent; if that does not
    /// match, the path normalized to RFC 3986 (for clients that send a character raw but sign it encoded).
    /// The failure carries the raw variant's canonical request and string-to-sign, as S3's error does.
    /// </summary>
    private static Failure? VerifyV4(
        RequestContext context,
        string canonicalQuery,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string payloadHash,
        string amzTimestamp,
        SigV4Credential credential,
        byte[] signingKey,
        string provided)
    {
        string? firstCanonical = null, firstStringToSign = null;
        var raw = context.Target.Path.Length == 0 ? "/" : context.Target.Path;
        var normalized = SigV4Encoding.NormalizePath(raw);
        foreach (var uri in raw == normalized ? [raw] : new[] { raw, normalized })
        {
            var canonical = SigV4CanonicalRequest.Build(context.Request.Method, uri, canonicalQuery, headers, payloadHash);
            var stringToSign = SigV4Signer.StringToSign(amzTimestamp, credential.Scope, canonical);
            if (SigV4Signer.SignaturesEqual(SigV4Signer.Sign(signingKey, stringToSign), provided))
            {
                return null;
            }

            firstCanonical ??= canonical;
            firstStringToSign ??= stringToSign;
        }

        return S3AuthFailures.SignatureDoesNotMatch(credential.AccessKeyId, firstStringToSign!, provided, firstCanonical);
    }

    /// <summary>
    /// Null when the signature covers every x-amz-* header of the request (<see cref="SigV4UnsignedHeaders"/>);
    /// else S3's 403 naming the others. Asked once the signature matched, so a forged request learns nothing from it.
    /// </summary>
    private static Failure? UnsignedHeaders(RequestContext context, IReadOnlyCollection<string> signedHeaders, bool presigned)
    {
        var headers = context.Request.Headers.Select(static h => new KeyValuePair<string, string>(
            h.Key,
            string.Join(',', h.Value.Select(static v => SigV4Encoding.CanonicalHeaderValue(v ?? string.Empty)))));
        var uncovered = SigV4UnsignedHeaders.Find(headers, signedHeaders, context.Query, presigned);
        return uncovered.Count == 0 ? null : S3AuthFailures.HeadersNotSigned(uncovered);
    }

    /// <summary>The signed headers as they go into the canonical request: each value canonical, repeated values joined with ','.</summary>
    private static List<KeyValuePair<string, string>> CanonicalHeaders(HttpRequest request, IEnumerable<string> signedHeaders) =>
        [.. signedHeaders.Select(name => new KeyValuePair<string, string>(
            name,
            string.Join(',', request.Headers[name].Select(static v => SigV4Encoding.CanonicalHeaderValue(v ?? string.Empty)))))];

    private static string? Header(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    /// <summary>One request being authenticated: its raw target, decoded query, and the time it is judged at.</summary>
    private sealed class RequestContext(HttpRequest request, S3RawTarget target, DateTimeOffset now)
    {
        public HttpRequest Request { get; } = request;

        public S3RawTarget Target { get; } = target;

        public DateTimeOffset Now { get; } = now;

        public List<KeyValuePair<string, string>> Query { get; } = SigV4Encoding.ParseQuery(target.Query);

        /// <summary>The first value of a query parameter, or null.</summary>
        public string? Single(string name)
        {
            foreach (var (key, value) in Query)
            {
                if (string.Equals(key, name, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>The value of a query parameter that may appear at most once; false when it repeats.</summary>
        public bool TrySingle(string name, out string? value)
        {
            value = null;
            foreach (var (key, candidate) in Query)
            {
                if (string.Equals(key, name, StringComparison.Ordinal))
                {
                    if (value is not null)
                    {
                        return false;
                    }

                    value = candidate;
                }
            }

            return true;
        }
    }
}
