using System.Net;
using Stowage.Bench.Data;
using Stowage.Bench.Http;

namespace Stowage.Bench.Clients;

/// <summary>
/// The Sessions client's traffic without its protocol: the big file as one plain PUT per chunk,
/// one after the other on the same connection, each waiting for its answer. Chunk i goes to
/// "{prefix}{tag}/{name}.chunks/{i:D6}", so the stored chunks, read in name order, are the file.
/// Against nginx this shows what stop-and-wait chunking alone costs on the cheapest server.
/// </summary>
internal sealed class ChunkedPutClient(HttpClient http, string prefix, int chunkSize) : IUploadClient
{
    private const string OctetStream = "application/octet-stream";

    private readonly PutClient whole = new(http, prefix);

    public string Describe() => $"plain PUT per {chunkSize / (1024 * 1024)} MiB chunk, one after the other (the Sessions client's pattern, no protocol)";

    public async Task<UploadedFile> UploadBigAsync(TestFile file, string tag, CancellationToken ct)
    {
        var dir = $"{prefix}{tag}/{Uri.EscapeDataString(file.Name)}.chunks/";
        using var source = File.OpenHandle(file.Path);
        var index = 0;
        for (long start = 0; start < file.Length; start += chunkSize, index++)
        {
            var path = $"{dir}{index:D6}";
            using var request = new HttpRequestMessage(HttpMethod.Put, path)
            {
                Content = new FileRangeContent(source, start, Math.Min(chunkSize, file.Length - start), OctetStream),
            };
            using var response = await http.SendAsync(request, ct);
            await ResponseCheck.ExpectAsync(response, $"PUT {path}", ct, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.OK);
        }

        return new UploadedFile(dir);
    }

    /// <summary>Small files fit in one chunk: the same whole-file PUTs as <see cref="PutClient"/>.</summary>
    public Task<ISmallBatch> StartSmallBatchAsync(string tag, CancellationToken ct) => whole.StartSmallBatchAsync(tag, ct);
}
