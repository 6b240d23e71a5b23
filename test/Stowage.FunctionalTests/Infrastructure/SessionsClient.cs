using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A thin HttpClient wrapper for the Sessions API (seed 004): one method per endpoint, responses read whole.</summary>
public sealed class SessionsClient : IDisposable
{
    public static readonly TimeSpan ProjectTimeout = TimeSpan.FromSeconds(60);

    private static readonly UriCreationOptions AsSent = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _http;

    public SessionsClient(Uri apiBase, string? secret)
    {
        ApiBase = apiBase;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = apiBase,
            Timeout = TimeSpan.FromSeconds(100),
        };
        if (secret is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
    }

    public Uri ApiBase { get; }

    public HttpClient Http => _http;

    public static ByteArrayContent Octets(byte[] body, int offset = 0, int? count = null)
    {
        var content = new ByteArrayContent(body, offset, count ?? body.Length - offset);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    public static string ContentRange(long start, long endInclusive, long total) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{endInclusive}/{total}");

    public Task<ApiResponse> CreateUploadAsync() => SendAsync(new HttpRequestMessage(HttpMethod.Post, "uploads"));

    /// <summary>POST /uploads, asserting 201; returns the upload_id.</summary>
    public async Task<string> NewUploadAsync()
    {
        var created = await CreateUploadAsync();
        created.ShouldHaveStatus(HttpStatusCode.Created);
        return created.String("upload_id");
    }

    /// <summary>PUT with a whole body (no Content-Range) or, with <paramref name="contentRange"/>, one chunk.</summary>
    public Task<ApiResponse> PutAsync(string uploadId, string name, byte[] body, string? contentRange = null) =>
        PutContentAsync(uploadId, name, Octets(body), contentRange);

    /// <summary>PUT bytes [start, start + length) of <paramref name="file"/> as one Content-Range chunk.</summary>
    public Task<ApiResponse> PutChunkAsync(string uploadId, string name, byte[] file, long start, int length) =>
        PutContentAsync(uploadId, name, Octets(file, (int)start, length), ContentRange(start, start + length - 1, file.Length));

    public Task<ApiResponse> PutContentAsync(string uploadId, string name, HttpContent content, string? contentRange = null) =>
        PutToAsync(FileUri(uploadId, name), content, contentRange);

    /// <summary>PUT to a path whose filename part is sent exactly as given (already percent-encoded by the caller).</summary>
    public Task<ApiResponse> PutRawAsync(string uploadId, string rawName, byte[] body) =>
        PutToAsync(RawFileUri(uploadId, rawName), Octets(body), null);

    /// <summary>Uploads a whole file in one PUT, asserting it completed.</summary>
    public async Task UploadAsync(string uploadId, string name, byte[] body)
    {
        var put = await PutAsync(uploadId, name, body);
        put.ShouldBeProgress(body.Length, body.Length, complete: true);
    }

    public Task<ApiResponse> GetFileAsync(string uploadId, string name) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, FileUri(uploadId, name)));

    public Task<ApiResponse> GetFileRawAsync(string uploadId, string rawName) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, RawFileUri(uploadId, rawName)));

    public Task<ApiResponse> GetSessionAsync(string uploadId) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "uploads/" + Uri.EscapeDataString(uploadId)));

    public Task<ApiResponse> DeleteSessionAsync(string uploadId) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, "uploads/" + Uri.EscapeDataString(uploadId)));

    /// <summary>POST /projects with <paramref name="body"/> serialized as JSON (property names as given).</summary>
    public Task<ApiResponse> CreateProjectAsync(object body) => CreateProjectRawAsync(JsonSerializer.Serialize(body));

    public Task<ApiResponse> CreateProjectRawAsync(string json) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "projects") { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    /// <summary>POST /projects from a session, asserting 201; returns the authoritative name.</summary>
    public async Task<string> NewProjectAsync(string uploadId, string? title = null)
    {
        var created = await CreateProjectAsync(title is null ? new { upload_id = uploadId } : new { upload_id = uploadId, title });
        created.ShouldHaveStatus(HttpStatusCode.Created);
        return created.String("name");
    }

    public Task<ApiResponse> GetProjectAsync(string name) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "projects/" + Uri.EscapeDataString(name)));

    /// <summary>GET (or HEAD) /projects/{name}/files/{path}, raw: the caller checks status, headers and bytes.</summary>
    public Task<HttpResponseMessage> GetProjectFileAsync(string name, string path, HttpMethod? method = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get,
            $"projects/{Uri.EscapeDataString(name)}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}");
        configure?.Invoke(request);
        return _http.SendAsync(request);
    }

    /// <summary>A project file's bytes, asserting 200.</summary>
    public async Task<byte[]> ProjectFileBytesAsync(string name, string path)
    {
        using var response = await GetProjectFileAsync(name, path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    public Task<ApiResponse> DeleteProjectAsync(string name) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, "projects/" + Uri.EscapeDataString(name)));

    public Task<ApiResponse> ListProjectsAsync(string query = "") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "projects" + query));

    /// <summary>Polls GET /projects/{name} until status is 100 or -1 (failed); returns that answer.</summary>
    public async Task<ApiResponse> WaitForProjectAsync(string name, TimeSpan? timeout = null)
    {
        ApiResponse? last = null;
        try
        {
            return await Poll.UntilAsync(async () =>
            {
                last = await GetProjectAsync(name);
                last.ShouldHaveStatus(HttpStatusCode.OK);
                return last.Int("status") is 100 or -1 ? last : null;
            }, timeout ?? ProjectTimeout, $"project {name} to finish", intervalMilliseconds: 100);
        }
        catch (ShouldAssertException ex) when (last is not null)
        {
            throw new ShouldAssertException($"{ex.Message} Last answer: {last}", ex);
        }
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new ApiResponse(response.StatusCode, body, response.Headers, response.Content.Headers);
        }
    }

    public void Dispose() => _http.Dispose();

    private static string FileUri(string uploadId, string name) => $"uploads/{Uri.EscapeDataString(uploadId)}/{Uri.EscapeDataString(name)}";

    private Uri RawFileUri(string uploadId, string rawName) => new($"{ApiBase}uploads/{uploadId}/{rawName}", AsSent);

    private Task<ApiResponse> PutToAsync(string relative, HttpContent content, string? contentRange) =>
        PutToAsync(new Uri(relative, UriKind.Relative), content, contentRange);

    private Task<ApiResponse> PutToAsync(Uri uri, HttpContent content, string? contentRange)
    {
        if (contentRange is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Range", contentRange).ShouldBeTrue();
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Put, uri) { Content = content });
    }
}
