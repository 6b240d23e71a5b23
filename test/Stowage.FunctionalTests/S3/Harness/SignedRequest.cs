using System.Text;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// A request signed with a SigV4 Authorization header by the tests themselves. <see cref="Signature"/>
/// and <see cref="SigningKey"/> seed the chunk signatures of an aws-chunked body.
/// </summary>
public sealed class SignedRequest
{
    /// <summary>Headers HttpClient keeps on the content rather than on the request.</summary>
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-encoding", "content-md5", "content-type", "content-language", "content-disposition",
    };

    private readonly Dictionary<string, string> _contentHeaders;

    private SignedRequest(HttpRequestMessage message, string signature, byte[] signingKey, DateTimeOffset time, Dictionary<string, string> contentHeaders)
    {
        Message = message;
        Signature = signature;
        SigningKey = signingKey;
        Time = time;
        _contentHeaders = contentHeaders;
    }

    public HttpRequestMessage Message { get; }

    public string Signature { get; }

    public byte[] SigningKey { get; }

    public DateTimeOffset Time { get; }

    /// <summary>
    /// Signs <paramref name="method"/> <paramref name="uri"/> with <paramref name="credential"/> at
    /// <paramref name="time"/> (now when null). Every header given is signed, with host, x-amz-date,
    /// x-amz-content-sha256 and the session token; the content is attached by the caller afterwards
    /// (<see cref="WithContent"/>), since an aws-chunked body needs this signature first.
    /// </summary>
    public static SignedRequest Create(
        HttpMethod method,
        Uri uri,
        S3Credential credential,
        string payloadHash,
        IReadOnlyDictionary<string, string>? headers = null,
        DateTimeOffset? time = null)
    {
        var at = time ?? DateTimeOffset.UtcNow;
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
            ["x-amz-date"] = SigV4.AmzDate(at),
            ["x-amz-content-sha256"] = payloadHash,
        };
        if (credential.SessionToken is { } token)
        {
            signed["x-amz-security-token"] = token;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            signed[name.ToLowerInvariant()] = value.Trim();
        }

        var signedHeaders = string.Join(';', signed.Keys);
        var canonicalRequest = new StringBuilder()
            .Append(method.Method).Append('\n')
            .Append(uri.AbsolutePath).Append('\n')
            .Append(SigV4.CanonicalQuery(uri.Query)).Append('\n')
            .Append(string.Concat(signed.Select(h => $"{h.Key}:{h.Value}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payloadHash)
            .ToString();
        var scope = SigV4.Scope(at);
        var stringToSign = $"{SigV4.Algorithm}\n{SigV4.AmzDate(at)}\n{scope}\n{SigV4.Sha256Hex(canonicalRequest)}";
        var signingKey = SigV4.SigningKey(credential.SecretAccessKey, at);
        var signature = SigV4.Sign(signingKey, stringToSign);

        var message = new HttpRequestMessage(method, uri);
        message.Headers.TryAddWithoutValidation(
            "Authorization", $"{SigV4.Algorithm} Credential={credential.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        foreach (var (name, value) in signed)
        {
            if (name != "host" && !ContentHeaders.Contains(name) && name != "content-length")
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        // Content headers wait for the content: WithContent applies them.
        var contentHeaders = signed.Where(h => ContentHeaders.Contains(h.Key)).ToDictionary(StringComparer.Ordinal);
        return new SignedRequest(message, signature, signingKey, at, contentHeaders);
    }

    /// <summary>Attaches the body, with the signed content headers (Content-Encoding, Content-MD5…) on it.</summary>
    public HttpRequestMessage WithContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        foreach (var (name, value) in _contentHeaders)
        {
            content.Headers.TryAddWithoutValidation(name, value);
        }

        content.Headers.ContentLength = body.Length;
        Message.Content = content;
        return Message;
    }

    /// <summary>A request without a body (GET, HEAD, DELETE, a bodiless POST).</summary>
    public HttpRequestMessage WithoutContent() => Message;
}
