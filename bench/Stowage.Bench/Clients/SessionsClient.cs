using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Stowage.Bench.Data;
using Stowage.Bench.Http;

namespace Stowage.Bench.Clients;

/// <summary>
/// The Sessions API client of seed 004: POST /api/v1/uploads, then PUT each file
/// (whole, or in sequential Content-Range chunks). The HttpClient carries the bearer key.
/// </summary>
internal sealed class SessionsClient(HttpClient http, int chunkSize) : IUploadClient
{
    private const string OctetStream = "application/octet-stream";

    private readonly ConcurrentQueue<string> sessions = new();

    public string Describe() => $"Sessions API, PUT {chunkSize / (1024 * 1024)} MiB Content-Range chunks; small: whole-file PUT, one session";

    /// <summary>Sessions opened since the last call, so the peer can delete them between measurements.</summary>
    public IReadOnlyList<string> TakeSessions()
    {
        var taken = new List<string>();
        while (sessions.TryDequeue(out var id))
        {
            taken.Add(id);
        }

        return taken;
    }

    public async Task<UploadedFile> UploadBigAsync(TestFile file, string tag, CancellationToken ct)
    {
        var id = await CreateSessionAsync(ct);
        using var source = File.OpenHandle(file.Path);
        SessionsProgress? last = null;
        for (long start = 0; start < file.Length; start += chunkSize)
        {
            var length = Math.Min(chunkSize, file.Length - start);
            var end = start + length - 1;
            using var request = new HttpRequestMessage(HttpMethod.Put, FilePath(id, file.Name))
            {
                Content = new FileRangeContent(source, start, length, OctetStream),
            };
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, end, file.Length);
            last = await SendForProgressAsync(request, $"PUT chunk {start}-{end}", ct);
            if (last.Received != end + 1)
            {
                throw new UploadMismatchException($"PUT chunk {start}-{end}: server reports received={last.Received}, expected {end + 1}");
            }
        }

        if (last is not { Complete: true })
        {
            throw new UploadMismatchException("last chunk accepted but the file is not complete");
        }

        return new UploadedFile($"{id}/{file.Name}");
    }

    public async Task<ISmallBatch> StartSmallBatchAsync(string tag, CancellationToken ct)
    {
        // One session for the whole batch, as seed 004 recommends for many files.
        var id = await CreateSessionAsync(ct);
        return new SmallBatch(id, (file, token) => PutWholeAsync(id, file, token));
    }

    public async Task<SessionsProgress> GetProgressAsync(string id, string name, CancellationToken ct)
    {
        using var response = await http.GetAsync(FilePath(id, name), ct);
        await ResponseCheck.ExpectAsync(response, $"GET {id}/{name}", ct, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<SessionsProgress>(ct)
            ?? throw new UploadMismatchException($"GET {id}/{name}: empty body");
    }

    public async Task<SessionListing> ListAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/v1/uploads/{Uri.EscapeDataString(id)}", ct);
        await ResponseCheck.ExpectAsync(response, $"GET session {id}", ct, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<SessionListing>(ct)
            ?? throw new UploadMismatchException($"GET session {id}: empty body");
    }

    public async Task DeleteSessionAsync(string id, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"api/v1/uploads/{Uri.EscapeDataString(id)}", ct);
        await ResponseCheck.ExpectAsync(response, $"DELETE session {id}", ct, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.NotFound);
    }

    private async Task PutWholeAsync(string id, TestFile file, CancellationToken ct)
    {
        using var source = File.OpenHandle(file.Path);
        using var request = new HttpRequestMessage(HttpMethod.Put, FilePath(id, file.Name))
        {
            Content = new FileRangeContent(source, 0, file.Length, OctetStream),
        };
        var progress = await SendForProgressAsync(request, $"PUT {file.Name}", ct);
        if (!progress.Complete || progress.Received != file.Length || progress.Total != file.Length)
        {
            throw new UploadMismatchException($"PUT {file.Name}: server reports {progress}, expected {file.Length} bytes complete");
        }
    }

    private async Task<string> CreateSessionAsync(CancellationToken ct)
    {
        using var response = await http.PostAsync("api/v1/uploads", content: null, ct);
        await ResponseCheck.ExpectAsync(response, "POST /api/v1/uploads", ct, HttpStatusCode.Created, HttpStatusCode.OK);
        var created = await response.Content.ReadFromJsonAsync<SessionCreated>(ct);
        if (string.IsNullOrEmpty(created?.UploadId))
        {
            throw new UploadMismatchException("POST /api/v1/uploads: no upload_id in the response");
        }

        sessions.Enqueue(created.UploadId);
        return created.UploadId;
    }

    private async Task<SessionsProgress> SendForProgressAsync(HttpRequestMessage request, string what, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        await ResponseCheck.ExpectAsync(response, what, ct, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<SessionsProgress>(ct)
            ?? throw new UploadMismatchException($"{what}: empty body");
    }

    private static string FilePath(string id, string name) =>
        $"api/v1/uploads/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(name)}";
}
