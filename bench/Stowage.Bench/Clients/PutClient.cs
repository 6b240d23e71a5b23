using System.Net;
using Stowage.Bench.Data;
using Stowage.Bench.Http;

namespace Stowage.Bench.Clients;

/// <summary>
/// Plain HTTP PUT of a whole file to a path (WebDAV PUT): no protocol, no resume.
/// Paths are "{prefix}{tag}/{name}" so every measurement writes new files.
/// </summary>
internal sealed class PutClient(HttpClient http, string prefix) : IUploadClient
{
    private const string OctetStream = "application/octet-stream";

    public string Describe() => "plain PUT of the whole file; small: one PUT per file";

    public async Task<UploadedFile> UploadBigAsync(TestFile file, string tag, CancellationToken ct)
    {
        var path = $"{prefix}{tag}/{Uri.EscapeDataString(file.Name)}";
        await PutAsync(path, file, ct);
        return new UploadedFile(path);
    }

    public Task<ISmallBatch> StartSmallBatchAsync(string tag, CancellationToken ct)
    {
        var dir = $"{prefix}{tag}/";
        return Task.FromResult<ISmallBatch>(new SmallBatch(dir, (file, token) => PutAsync(dir + Uri.EscapeDataString(file.Name), file, token)));
    }

    private async Task PutAsync(string path, TestFile file, CancellationToken ct)
    {
        using var source = File.OpenHandle(file.Path);
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new FileRangeContent(source, 0, file.Length, OctetStream),
        };
        using var response = await http.SendAsync(request, ct);
        await ResponseCheck.ExpectAsync(response, $"PUT {path}", ct, HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.OK);
    }
}
