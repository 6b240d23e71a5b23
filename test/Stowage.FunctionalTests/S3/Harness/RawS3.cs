using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// S3 requests written by hand and signed by <see cref="SignedRequest"/>: what the negative tests need
/// to send one precise thing wrong. Bodies are signed with their hex SHA-256 unless a test says otherwise.
/// </summary>
public sealed class RawS3(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromMinutes(2),
    };

    public Uri ObjectUri(string bucket, string key, string query = "") => new(endpoint, $"{bucket}/{key}{query}");

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>A plain PutObject with a hex payload hash.</summary>
    public Task<HttpResponseMessage> PutAsync(
        S3Credential credential,
        string bucket,
        string key,
        byte[] body,
        IReadOnlyDictionary<string, string>? headers = null,
        DateTimeOffset? time = null)
    {
        var request = SignedRequest.Create(HttpMethod.Put, ObjectUri(bucket, key), credential, SigV4.Sha256Hex(body), headers, time);
        return SendAsync(request.WithContent(body));
    }

    public Task<HttpResponseMessage> GetAsync(S3Credential credential, string bucket, string key) =>
        SendAsync(SignedRequest.Create(HttpMethod.Get, ObjectUri(bucket, key), credential, SigV4.EmptySha256).WithoutContent());

    /// <summary>CreateMultipartUpload (<c>POST ?uploads</c>); the response is the caller's to check.</summary>
    public Task<HttpResponseMessage> CreateMultipartUploadAsync(S3Credential credential, string bucket, string key, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(SignedRequest.Create(HttpMethod.Post, ObjectUri(bucket, key, "?uploads"), credential, SigV4.EmptySha256, headers).WithContent([]));

    /// <summary>CreateMultipartUpload that must succeed; returns the UploadId.</summary>
    public async Task<string> StartMultipartUploadAsync(S3Credential credential, string bucket, string key, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var response = await CreateMultipartUploadAsync(credential, bucket, key, headers);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"CreateMultipartUpload: {body}");
        var uploadId = XDocument.Parse(body).Root!.Elements().FirstOrDefault(e => e.Name.LocalName == "UploadId")?.Value;
        uploadId.ShouldNotBeNullOrEmpty($"CreateMultipartUpload returned no UploadId: {body}");
        return uploadId;
    }

    /// <summary>UploadPart (<c>PUT ?partNumber&amp;uploadId</c>); the response is the caller's to check.</summary>
    public Task<HttpResponseMessage> SendPartAsync(S3Credential credential, string bucket, string key, string uploadId, int partNumber, byte[] data)
    {
        var uri = ObjectUri(bucket, key, $"?partNumber={partNumber}&uploadId={Uri.EscapeDataString(uploadId)}");
        return SendAsync(SignedRequest.Create(HttpMethod.Put, uri, credential, SigV4.Sha256Hex(data)).WithContent(data));
    }

    /// <summary>UploadPart that must succeed; returns the part's ETag as sent back (quoted).</summary>
    public async Task<string> UploadPartAsync(S3Credential credential, string bucket, string key, string uploadId, int partNumber, byte[] data)
    {
        using var response = await SendPartAsync(credential, bucket, key, uploadId, partNumber, data);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"UploadPart {partNumber}: {body}");
        var etag = response.Headers.ETag?.Tag;
        etag.ShouldNotBeNullOrEmpty($"UploadPart {partNumber} returned no ETag");
        return etag;
    }

    /// <summary>CompleteMultipartUpload with the given body, sent as is.</summary>
    public Task<HttpResponseMessage> CompleteAsync(S3Credential credential, string bucket, string key, string uploadId, string xml) =>
        CompleteBytesAsync(credential, bucket, key, uploadId, Encoding.UTF8.GetBytes(xml));

    /// <summary>CompleteMultipartUpload with a body of exactly these bytes (which need not be UTF-8).</summary>
    public Task<HttpResponseMessage> CompleteBytesAsync(S3Credential credential, string bucket, string key, string uploadId, byte[] body)
    {
        var uri = ObjectUri(bucket, key, $"?uploadId={Uri.EscapeDataString(uploadId)}");
        var request = SignedRequest.Create(HttpMethod.Post, uri, credential, SigV4.Sha256Hex(body), new Dictionary<string, string> { ["content-type"] = "application/xml" });
        return SendAsync(request.WithContent(body));
    }

    /// <summary>A Complete body in the form awscli sends: xmlns, quoted ETags, ETag before PartNumber.</summary>
    public static string CompleteXml(params (int PartNumber, string ETag)[] parts) =>
        "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        + string.Concat(parts.Select(p => $"<Part><ETag>{p.ETag}</ETag><PartNumber>{p.PartNumber}</PartNumber></Part>"))
        + "</CompleteMultipartUpload>";

    /// <summary>Content-MD5 header value of <paramref name="data"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Content-MD5 is MD5 by definition.")]
    public static string ContentMd5(byte[] data) => Convert.ToBase64String(MD5.HashData(data));

    public void Dispose() => _http.Dispose();
}
