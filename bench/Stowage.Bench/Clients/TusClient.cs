using System.Net;
using Stowage.Bench.Cli;
using Stowage.Bench.Data;
using Stowage.Bench.Http;

namespace Stowage.Bench.Clients;

/// <summary>
/// A tus 1.0 client (tus.io protocol, core + creation + creation-with-upload) as
/// tus-js-client and Uppy use it. <paramref name="endpoint"/> is the creation URL, e.g. "files/".
/// </summary>
internal sealed class TusClient(HttpClient http, string endpoint, int chunkSize, string smallMode) : IUploadClient
{
    private const string OffsetOctetStream = "application/offset+octet-stream";

    public string Describe() =>
        $"tus 1.0, POST + PATCH {chunkSize / (1024 * 1024)} MiB chunks; small: "
        + (smallMode == TusModes.CreationWithUpload ? "creation-with-upload (one POST with the body)" : "POST + one PATCH");

    public async Task<UploadedFile> UploadBigAsync(TestFile file, string tag, CancellationToken ct)
    {
        var location = await CreateAsync(file, ct);
        using var source = File.OpenHandle(file.Path);
        for (long offset = 0; offset < file.Length; offset += chunkSize)
        {
            await PatchAsync(location, source, offset, Math.Min(chunkSize, file.Length - offset), ct);
        }

        return new UploadedFile(location.ToString());
    }

    public Task<ISmallBatch> StartSmallBatchAsync(string tag, CancellationToken ct) =>
        Task.FromResult<ISmallBatch>(new SmallBatch(endpoint, UploadSmallAsync));

    private async Task UploadSmallAsync(TestFile file, CancellationToken ct)
    {
        using var source = File.OpenHandle(file.Path);
        if (smallMode == TusModes.PostPatch)
        {
            var location = await CreateAsync(file, ct);
            await PatchAsync(location, source, 0, file.Length, ct);
            return;
        }

        using var request = CreationRequest(file);
        request.Content = new FileRangeContent(source, 0, file.Length, OffsetOctetStream);
        using var response = await http.SendAsync(request, ct);
        await ResponseCheck.ExpectAsync(response, $"POST {file.Name} with body", ct, HttpStatusCode.Created);
        var offset = ResponseCheck.LongHeader(response, "Upload-Offset", $"POST {file.Name} with body");
        if (offset != file.Length)
        {
            throw new UploadMismatchException($"POST {file.Name} with body: Upload-Offset {offset}, expected {file.Length}");
        }
    }

    private async Task<Uri> CreateAsync(TestFile file, CancellationToken ct)
    {
        using var request = CreationRequest(file);
        using var response = await http.SendAsync(request, ct);
        await ResponseCheck.ExpectAsync(response, $"POST {file.Name}", ct, HttpStatusCode.Created);
        return response.Headers.Location is { } location
            ? new Uri(http.BaseAddress!, location)
            : throw new UploadMismatchException($"POST {file.Name}: no Location header");
    }

    private async Task PatchAsync(Uri location, Microsoft.Win32.SafeHandles.SafeFileHandle source, long offset, long length, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, location)
        {
            Content = new FileRangeContent(source, offset, length, OffsetOctetStream),
        };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, ct);
        await ResponseCheck.ExpectAsync(response, $"PATCH {location} at {offset}", ct, HttpStatusCode.NoContent);
        var next = ResponseCheck.LongHeader(response, "Upload-Offset", $"PATCH {location} at {offset}");
        if (next != offset + length)
        {
            throw new UploadMismatchException($"PATCH {location} at {offset}: Upload-Offset {next}, expected {offset + length}");
        }
    }

    private HttpRequestMessage CreationRequest(TestFile file)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // filename as tus-js-client sends it: base64 in Upload-Metadata.
        request.Headers.Add("Upload-Metadata", "filename " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(file.Name)));
        return request;
    }
}
