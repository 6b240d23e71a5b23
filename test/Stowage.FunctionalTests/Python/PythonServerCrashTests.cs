using Stowage.FunctionalTests.Durability;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Python;

/// <summary>
/// Seed 004: "5xx / network error: sleep(backoff); continue # retry is safe". The server is SIGKILLed
/// and restarted under a running Python client, which backs off, resumes and completes.
/// </summary>
public sealed class PythonServerCrashTests : IDisposable
{
    private readonly TempDirectory _files = new("pycrash");

    [Fact]
    public async Task Client_RidesOutAServerCrash_AndCompletesWithTheRightHash()
    {
        await using var crash = await CrashServer.StartAsync();
        var key = await new StowageCli(crash.DataDirectory).CreateKeyAsync("default", Scope.Write, Scope.Read);
        var data = TestData.Bytes(4 << 20, 180);
        var path = _files.Combine("scan.las");
        await File.WriteAllBytesAsync(path, data);

        using var client = PythonClient.Start(crash.Server.ApiBase, key, ["--chunk", "131072", "--throttle", "0.02", "--max-backoff", "1", "upload", "--wait", path]);
        await client.WaitForEventAsync("progress", e => e.GetProperty("received").GetInt64() >= 1 << 20, TimeSpan.FromSeconds(60));
        await crash.CrashAndRestartAsync();
        var (exit, result) = await client.WaitAsync(TimeSpan.FromSeconds(120));

        exit.ShouldBe(0, result.Body + client.Log);
        client.Events("retry").Count.ShouldBeGreaterThan(0, "the client should have seen the server go away");
        var record = await crash.Client.GetProjectAsync(result.String("project"));
        record.ShouldHaveFiles(new Dictionary<string, byte[]> { ["scan.las"] = data });
    }

    public void Dispose() => _files.Dispose();
}
