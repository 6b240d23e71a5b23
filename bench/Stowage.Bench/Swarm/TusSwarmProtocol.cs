using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Stowage.Bench.Http;

namespace Stowage.Bench.Swarm;

/// <summary>
/// tus 1.0 (core + creation) as tus-js-client sends a file with a chunk size set: POST with Upload-Length,
/// then PATCH chunks in order, each answer's Upload-Offset checked.
/// </summary>
internal sealed class TusSwarmProtocol(HttpClient http, int chunkBytes, int blockSize) : ISwarmProtocol
{
    private const string Create = "POST /files";
    private const string Chunk = "PATCH chunk";

    public static string Description(int chunkBytes) => $"tus 1.0: POST /files (Upload-Length) per file, then PATCH {chunkBytes / 1024} KiB chunks in order";

    public string Describe() => Description(chunkBytes);

    public async Task<string> CreateAsync(string name, long length, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "files");
            request.Headers.Add("Tus-Resumable", "1.0.0");
            request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("Upload-Metadata", "filename " + Convert.ToBase64String(Encoding.UTF8.GetBytes(name)));
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw await SwarmFailure.FromResponseAsync(Create, response, ct);
            }

            return response.Headers.Location is { } location
                ? new Uri(http.BaseAddress!, location).ToString()
                : throw new SwarmFailure($"{Create}: no Location", "201 without a Location header");
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
            using var request = new HttpRequestMessage(HttpMethod.Patch, locator)
            {
                Content = new FileRangeContent(source, sourceOffset, length, "application/offset+octet-stream", blockSize),
            };
            request.Headers.Add("Tus-Resumable", "1.0.0");
            request.Headers.Add("Upload-Offset", fileOffset.ToString(CultureInfo.InvariantCulture));
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                throw await SwarmFailure.FromResponseAsync(Chunk, response, ct);
            }

            var next = response.Headers.TryGetValues("Upload-Offset", out var values) && long.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (next != fileOffset + length)
            {
                throw new SwarmFailure($"{Chunk}: answer does not match the bytes sent", $"{Chunk} at {fileOffset}: Upload-Offset {next}, expected {fileOffset + length}");
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw SwarmFailure.FromException(Chunk, e);
        }
    }
}
