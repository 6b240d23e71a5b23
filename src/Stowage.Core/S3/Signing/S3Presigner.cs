using System.Globalization;
using Microsoft.Extensions.Options;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// Builds presigned SigV4 URLs, path-style, with the query parameters of
/// docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html: X-Amz-Algorithm, -Credential, -Date,
/// -Expires, -SignedHeaders (host, and content-type when asked), -Security-Token for temporary credentials,
/// then -Signature. The payload is UNSIGNED-PAYLOAD, as for every presigned URL. A URL signed with temporary
/// credentials stops working when they expire, whatever its own expiry.
/// </summary>
public sealed class S3Presigner(IOptions<S3Options> options, TimeProvider time)
{
    private readonly S3Options _options = options.Value;

    public S3PresignedUrl Presign(S3PresignRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = request.Endpoint
            ?? (_options.PublicEndpoint is { } configured ? new Uri(configured) : null)
            ?? throw new InvalidOperationException("No endpoint to presign for: pass one or set Stowage:S3:PublicEndpoint.");
        var seconds = ValidExpirySeconds(request.Expiry);
        if (request.PartNumber is { } part && (request.UploadId is null || part is < 1 or > 10_000))
        {
            throw new ArgumentException("A part number (1..10000) needs an upload id.", nameof(request));
        }

        var method = request.Method.ToUpperInvariant();
        var now = time.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var timestamp = AmzDate.FormatTimestamp(now);
        var scope = new SigV4Scope(AmzDate.FormatDate(now), request.Region ?? _options.Region, SigV4.Service);

        var headers = new List<KeyValuePair<string, string>>();
        if (request.SignEmptyContentType)
        {
            headers.Add(new("content-type", string.Empty));
        }

        headers.Add(new("host", endpoint.Authority));

        var query = new List<KeyValuePair<string, string>>
        {
            new(SigV4.QueryAlgorithm, SigV4.Algorithm),
            new(SigV4.QueryCredential, new SigV4Credential(request.Credentials.AccessKeyId, scope).ToString()),
            new(SigV4.QueryDate, timestamp),
            new(SigV4.QueryExpires, seconds.ToString(CultureInfo.InvariantCulture)),
            new(SigV4.QuerySignedHeaders, string.Join(';', headers.Select(static h => h.Key))),
        };
        if (request.Credentials.SessionToken is { } token)
        {
            query.Add(new(SigV4.QuerySecurityToken, token));
        }

        if (request.UploadId is { } uploadId)
        {
            query.Add(new("uploadId", uploadId));
        }

        if (request.PartNumber is { } partNumber)
        {
            query.Add(new("partNumber", partNumber.ToString(CultureInfo.InvariantCulture)));
        }

        var path = endpoint.AbsolutePath.TrimEnd('/') + "/" + SigV4Encoding.UriEncode(request.Bucket, keepSlash: false)
            + "/" + SigV4Encoding.UriEncode(request.Key, keepSlash: true);
        var canonicalQuery = SigV4Encoding.CanonicalQueryString(query);
        var canonicalRequest = SigV4CanonicalRequest.Build(method, path, canonicalQuery, headers, SigV4.UnsignedPayload);
        var signature = SigV4Signer.Sign(
            SigningKeys.Get(request.Credentials.SecretAccessKey, scope),
            SigV4Signer.StringToSign(timestamp, scope, canonicalRequest));

        var url = $"{endpoint.Scheme}://{endpoint.Authority}{path}?{canonicalQuery}&{SigV4.QuerySignature}={signature}";
        var required = request.SignEmptyContentType
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = string.Empty }
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new S3PresignedUrl(url, method, now.AddSeconds(seconds), required);
    }

    private int ValidExpirySeconds(TimeSpan expiry)
    {
        var max = Math.Min(_options.MaxPresignedSeconds, SigV4.MaxPresignedSeconds);
        var seconds = (long)expiry.TotalSeconds;
        if (seconds < 1 || seconds > max)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, $"A presigned URL lives 1 to {max} seconds.");
        }

        return (int)seconds;
    }
}
