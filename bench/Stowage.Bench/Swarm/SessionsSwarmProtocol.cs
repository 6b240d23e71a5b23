using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Win32.SafeHandles;
using Stowage.Bench.Clients;
using Stowage.Bench.Http;

namespace Stowage.Bench.Swarm;

/// <summary>
/// The Sessions API as the bench's Sessions client speaks it (docs/protocols/sessions.md): one session per
/// file (POST /api/v1/uploads), then PUT chunks with Content-Range, one after the other, each answer's
/// "received" checked. The HttpClient carries the bearer key.
/// </summary>
internal sealed class SessionsSwarmProtocol(HttpClient http, int chunkBytes, int blockSize) : ISwarmProtocol
{
    private const string Create = "POST /api/v1/uploads";
    private const string Chunk = "PUT chunk";

    public static string Description(int chunkBytes) => $"Sessions API: POST /api/v1/uploads per file, then PUT {chunkBytes / 1024} KiB Content-Range chunks in order";

    public string Describe() => Description(chunkBytes);

    public async Task<string> CreateAsync(string name, long length, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsync("api/v1/uploads", content: null, ct);
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                throw await SwarmFailure.FromResponseAsync(Create, response, ct);
            }

            var created = await response.Content.ReadFromJsonAsync<SessionCreated>(ct);
            return string.IsNullOrEmpty(created?.UploadId)
                ? throw new SwarmFailure($"{Create}: no upload_id", "201 without an upload_id")
                : created.UploadId;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw SwarmFailure.FromException(Create, e);
        }
    }

    public async Task SendChunkAsync(string locator, string name, SafeFileHandle source, long sourceOffset, long fileOffset, int length, long total, CancellationToken ct)
    {
        try
        {
            var end = fileOffset + length - 1;
            using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/uploads/{Uri.EscapeDataString(locator)}/{Uri.EscapeDataString(name)}")
            {
                Content = new FileRangeContent(source, sourceOffset, length, "application/octet-stream", blockSize),
            };
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(fileOffset, end, total);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await SwarmFailure.FromResponseAsync(Chunk, response, ct);
            }

            var progress = await response.Content.ReadFromJsonAsync<SessionsProgress>(ct);
            if (progress is null || progress.Received != end + 1 || progress.Complete != (end + 1 == total))
            {
                throw new SwarmFailure($"{Chunk}: answer does not match the bytes sent", $"{Chunk} {fileOffset}-{end}/{total}: server answered {progress}");
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw SwarmFailure.FromException(Chunk, e);
        }
    }
}
