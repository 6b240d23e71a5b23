using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Tests.S3.Support;

/// <summary>
/// An HTTP request as the S3 endpoint receives it (raw target, headers as sent, a body), and the client side
/// of SigV4/SigV2 to sign it with — built from the Core signing primitives, which are themselves checked
/// against AWS's published examples.
/// </summary>
internal sealed class TestRequest
{
    public const string AccessKeyId = "AKIATESTKEY00000001";
    public const string Secret = "test/secret+key=0123456789abcdefghijklm";
    public const string Region = "us-east-1";

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 19, 28, 38, TimeSpan.Zero);

    public string Method { get; set; } = "PUT";

    /// <summary>The request target as sent: path and query.</summary>
    public string Target { get; set; } = "/bucket/photos/a3K9.jpg";

    public List<KeyValuePair<string, string>> Headers { get; } = [new("Host", "127.0.0.1:9000")];

    public byte[] Body { get; set; } = [];

    /// <summary>Replaces the body stream handed to the server (to feed it in small pieces, for instance).</summary>
    public Func<byte[], Stream>? BodyStream { get; set; }

    public TestRequest Header(string name, string value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        Headers.Add(new(name, value));
        return this;
    }

    public HttpRequest Build()
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = Target;
        var request = context.Request;
        request.Method = Method;
        var question = Target.IndexOf('?', StringComparison.Ordinal);
        request.Path = PathString.FromUriComponent(question < 0 ? Target : Target[..question]);
        request.QueryString = question < 0 ? QueryString.Empty : new QueryString(Target[question..]);
        foreach (var (name, value) in Headers)
        {
            request.Headers.Append(name, value);
        }

        request.Body = BodyStream?.Invoke(Body) ?? new MemoryStream(Body);
        return request;
    }

    /// <summary>
    /// Signs with an Authorization header: sets x-amz-date, x-amz-content-sha256 (the body's hex SHA-256
    /// unless given), x-amz-security-token, and signs every header present unless told which. Returns the signature.
    /// </summary>
    public string SignV4(
        DateTimeOffset? time = null,
        string? payloadHash = null,
        string accessKeyId = AccessKeyId,
        string secret = Secret,
        string? token = null,
        string region = Region,
        string service = "s3",
        IEnumerable<string>? signedHeaders = null,
        bool spaceAfterCommas = true,
        string? canonicalUri = null)
    {
        var when = time ?? Now;
        Header("x-amz-date", AmzDate.FormatTimestamp(when));
        Header("x-amz-content-sha256", payloadHash ??= Convert.ToHexStringLower(SHA256.HashData(Body)));
        if (token is not null)
        {
            Header("x-amz-security-token", token);
        }

        var scope = new SigV4Scope(AmzDate.FormatDate(when), region, service);
        var names = (signedHeaders ?? Headers.Select(static h => h.Key.ToLowerInvariant())).Distinct().Order(StringComparer.Ordinal).ToList();
        var canonicalHeaders = names.Select(n => new KeyValuePair<string, string>(
            n,
            string.Join(',', Headers.Where(h => string.Equals(h.Key, n, StringComparison.OrdinalIgnoreCase)).Select(h => SigV4Encoding.CanonicalHeaderValue(h.Value))))).ToList();
        var (path, query) = Split();
        var canonical = SigV4CanonicalRequest.Build(
            Method,
            canonicalUri ?? path,
            SigV4Encoding.CanonicalQueryString(SigV4Encoding.ParseQuery(query)),
            canonicalHeaders,
            payloadHash);
        var signature = SigV4Signer.Sign(SigningKeys.Derive(secret, scope), SigV4Signer.StringToSign(AmzDate.FormatTimestamp(when), scope, canonical));
        var separator = spaceAfterCommas ? ", " : ",";
        Header("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}{separator}SignedHeaders={string.Join(';', names)}{separator}Signature={signature}");
        return signature;
    }

    /// <summary>
    /// Presigns with SigV4 query parameters (X-Amz-*, then <paramref name="extraQuery"/>), reversed when asked:
    /// parameter order must not matter. Signs <c>host</c> unless told otherwise. Returns the signature.
    /// </summary>
    public string PresignV4(
        int expires = 3600,
        DateTimeOffset? time = null,
        string? token = null,
        string secret = Secret,
        IEnumerable<string>? signedHeaders = null,
        string? payloadHash = null,
        bool reverseOrder = false,
        params KeyValuePair<string, string>[] extraQuery)
    {
        var when = time ?? Now;
        var scope = new SigV4Scope(AmzDate.FormatDate(when), Region, "s3");
        var names = (signedHeaders ?? ["host"]).Order(StringComparer.Ordinal).ToList();
        var (path, query) = Split();
        var parameters = SigV4Encoding.ParseQuery(query);
        parameters.Add(new("X-Amz-Algorithm", "AWS4-HMAC-SHA256"));
        parameters.Add(new("X-Amz-Credential", $"{AccessKeyId}/{scope}"));
        parameters.Add(new("X-Amz-Date", AmzDate.FormatTimestamp(when)));
        parameters.Add(new("X-Amz-Expires", expires.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        parameters.Add(new("X-Amz-SignedHeaders", string.Join(';', names)));
        if (token is not null)
        {
            parameters.Add(new("X-Amz-Security-Token", token));
        }

        if (payloadHash is not null)
        {
            parameters.Add(new("X-Amz-Content-Sha256", payloadHash));
        }

        parameters.AddRange(extraQuery);
        var canonicalHeaders = names.Select(n => new KeyValuePair<string, string>(
            n,
            string.Join(',', Headers.Where(h => string.Equals(h.Key, n, StringComparison.OrdinalIgnoreCase)).Select(h => SigV4Encoding.CanonicalHeaderValue(h.Value))))).ToList();
        var canonical = SigV4CanonicalRequest.Build(Method, path, SigV4Encoding.CanonicalQueryString(parameters), canonicalHeaders, payloadHash ?? SigV4.UnsignedPayload);
        var signature = SigV4Signer.Sign(SigningKeys.Derive(secret, scope), SigV4Signer.StringToSign(AmzDate.FormatTimestamp(when), scope, canonical));
        parameters.Add(new("X-Amz-Signature", signature));
        if (reverseOrder)
        {
            parameters.Reverse();
        }

        Target = path + "?" + string.Join('&', parameters.Select(static p => SigV4Encoding.UriEncode(p.Key, false) + "=" + SigV4Encoding.UriEncode(p.Value, false)));
        return signature;
    }

    /// <summary>Signs with a presigned SigV2 query: AWSAccessKeyId, Expires, Signature (and x-amz-* extras, as botocore puts them).</summary>
    public void PresignV2(long expires, string? token = null, string secret = Secret, params KeyValuePair<string, string>[] extraQuery)
    {
        var (path, query) = Split();
        var parameters = SigV4Encoding.ParseQuery(query);
        parameters.AddRange(extraQuery);
        if (token is not null)
        {
            parameters.Add(new("x-amz-security-token", token));
        }

        // x-amz-* from headers, then from the query (botocore moves them there); the query's value wins.
        var amz = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Headers.Concat(parameters).Where(static p => p.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)))
        {
            amz[name.ToLowerInvariant()] = value;
        }

        var contentType = Headers.FirstOrDefault(static h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value
            ?? parameters.FirstOrDefault(static p => p.Key == "content-type").Value;
        var stringToSign = SigV2Signer.StringToSign(
            Method,
            Headers.FirstOrDefault(static h => h.Key.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase)).Value,
            contentType,
            expires.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SigV2Signer.CanonicalAmzHeaders(amz),
            SigV2Signer.CanonicalResource(path, parameters.Select(static p => new KeyValuePair<string, string?>(p.Key, p.Value))));
        var signature = SigV2Signer.Sign(secret, stringToSign);
        parameters.Add(new("AWSAccessKeyId", AccessKeyId));
        parameters.Add(new("Signature", signature));
        parameters.Add(new("Expires", expires.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Target = path + "?" + string.Join('&', parameters.Select(static p => SigV4Encoding.UriEncode(p.Key, false) + "=" + SigV4Encoding.UriEncode(p.Value, false)));
    }

    public (string Path, string Query) Split()
    {
        var question = Target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (Target, string.Empty) : (Target[..question], Target[(question + 1)..]);
    }
}
