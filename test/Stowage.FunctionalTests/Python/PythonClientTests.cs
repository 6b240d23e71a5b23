using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Python;

/// <summary>
/// The seed's own kind of client: python/stowage_client.py on <c>requests</c>, following the
/// resume-safe pseudocode, against the real server.
/// </summary>
public sealed class PythonClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _files = new("py");

    [Fact]
    public async Task InterruptedClient_ResumesTheSameUploadWithApiUploadId_AndCompletesTheFile()
    {
        var data = TestData.Bytes(6 << 20, 150);
        var path = Write("capture.e57", data);
        const int Chunk = 256 * 1024;

        string id;
        long receivedBeforeKill;
        using (var first = PythonClient.Start(fixture.Server.ApiBase, fixture.Key, ["--chunk", $"{Chunk}", "--throttle", "0.1", "upload", "--no-project", path]))
        {
            id = (await first.WaitForEventAsync("session", _ => true, RunTimeout)).GetProperty("upload_id").GetString()!;
            await first.WaitForEventAsync("progress", e => e.GetProperty("received").GetInt64() >= 1 << 20, RunTimeout);
            first.Kill();
            receivedBeforeKill = first.Events("progress").Max(e => e.GetProperty("received").GetInt64());
        }

        var status = await fixture.Client.GetFileAsync(id, "capture.e57");
        status.ShouldHaveStatus(HttpStatusCode.OK);
        status.Long("received").ShouldBeGreaterThanOrEqualTo(receivedBeforeKill);
        status.Bool("complete").ShouldBeFalse("the first run was killed before the end");

        using var second = PythonClient.Start(fixture.Server.ApiBase, fixture.Key, ["--chunk", $"{Chunk}", "upload", "--wait", path],
            new Dictionary<string, string> { ["API_UPLOAD_ID"] = id });
        var (exit, result) = await second.WaitAsync(RunTimeout);

        exit.ShouldBe(0, result.Body + second.Log);
        result.String("upload_id").ShouldBe(id);
        result.Property("files")[0].GetProperty("resumed_from").GetInt64().ShouldBeGreaterThanOrEqualTo(receivedBeforeKill);
        result.String("project").ShouldBe(id);
        var record = await fixture.Client.GetProjectAsync(result.String("project"));
        record.ShouldHaveFiles(new Dictionary<string, byte[]> { ["capture.e57"] = data });
    }

    [Fact]
    public async Task ParallelClient_UploadsManyFilesIntoOneSession()
    {
        var files = Enumerable.Range(0, 12).ToDictionary(
            i => $"photo-{i:D2}.jpg",
            i => TestData.Bytes(i == 0 ? 0 : (i * 37_000) + 1, 160 + i),
            StringComparer.Ordinal);
        var paths = files.Select(f => Write(f.Key, f.Value)).ToList();

        using var client = PythonClient.Start(fixture.Server.ApiBase, fixture.Key, ["--chunk", "65536", "upload", "--parallel", "4", "--wait", "--title", "Photoset", .. paths]);
        var (exit, result) = await client.WaitAsync(RunTimeout);

        exit.ShouldBe(0, result.Body + client.Log);
        result.Property("files").GetArrayLength().ShouldBe(files.Count);
        var record = await fixture.Client.GetProjectAsync(result.String("project"));
        record.String("title").ShouldBe("Photoset");
        record.ShouldHaveFiles(files);
    }

    [Fact]
    public async Task Client_UploadsAnArchive_AndPollsTheProjectTo100()
    {
        var tree = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["site/level-0/scan.e57"] = TestData.Bytes(200_000, 170),
            ["site/level-1/scan.e57"] = TestData.Bytes(150_000, 171),
            ["site/readme.txt"] = "hello"u8.ToArray(),
        };
        var zip = ArchiveBuilder.Zip(tree, directories: ["site", "site/level-0", "site/level-1"]);
        var path = Write("site.zip", zip);

        using var client = PythonClient.Start(fixture.Server.ApiBase, fixture.Key, ["--chunk", "100000", "upload", "--wait", path]);
        var (exit, result) = await client.WaitAsync(RunTimeout);

        exit.ShouldBe(0, result.Body + client.Log);
        result.Int("status").ShouldBe(100);
        var record = ApiResponse.FromText(result.Property("record").GetRawText());
        record.ShouldHaveFiles(new Dictionary<string, byte[]> { ["site.zip"] = zip });
        record.ShouldHaveFiles(tree, fromArchive: "site.zip");
        client.Events("project").Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Client_AbortsOnA4xx_WithTheServersErrorCode()
    {
        var path = Write("tool.exe", [1, 2, 3]);

        using var client = PythonClient.Start(fixture.Server.ApiBase, fixture.Key, ["upload", path]);
        var (exit, result) = await client.WaitAsync(RunTimeout);

        exit.ShouldBe(2, result.Body + client.Log);
        result.Int("status").ShouldBe(415);
        result.String("error").ShouldBe("extension_not_allowed");
    }

    public void Dispose() => _files.Dispose();

    private string Write(string name, byte[] data)
    {
        var path = _files.Combine(name);
        File.WriteAllBytes(path, data);
        return path;
    }
}
