using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Durability;

/// <summary>
/// The durability issue: "Same for a project job killed mid-way: it resumes after restart." The job is
/// caught mid-way twice: while it fetches a download link (the in-test file server stalls the body), and
/// while it unpacks an archive of many entries.
/// </summary>
public sealed class ProjectJobCrashTests
{
    /// <summary>Entries of the archive whose unpacking is interrupted: enough to take a few seconds with fsync per entry.</summary>
    private const int Entries = 1500;

    [Fact]
    public async Task ProjectJob_KilledWhileFetchingADownloadLink_ResumesAfterRestart()
    {
        await using var crash = await CrashServer.StartAsync(RemoteFetchServerFixture.AllowPrivateNetworks);
        await using var files = new LoopbackFileServer();
        var data = TestData.Bytes(8 << 20, 140);
        var route = files.Serve("/big.e57", data, holdAfterBytes: 1 << 20);
        var created = await crash.Client.CreateProjectAsync(new { download_link = files.UrlOf("/big.e57") });
        created.ShouldHaveStatus(HttpStatusCode.Created);
        var name = created.String("name");

        await route.HoldReached.WaitAsync(TimeSpan.FromSeconds(30));
        var midway = await crash.Client.GetProjectAsync(name);
        midway.Int("status").ShouldBeInRange(0, 99, midway.ToString());
        crash.Server.Kill();
        route.ReleaseHold();
        await crash.Server.StartAsync();

        var ready = await crash.Client.WaitForProjectAsync(name);
        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["big.e57"] = data });
        route.Requests.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task ProjectJob_KilledWhileUnpackingAnArchive_ResumesAfterRestart()
    {
        await using var crash = await CrashServer.StartAsync();
        var entries = Enumerable.Range(0, Entries).ToDictionary(i => $"scans/part-{i / 100}/{i}.jpg", i => TestData.Bytes(4096 + i, 1000 + i), StringComparer.Ordinal);
        var zip = ArchiveBuilder.Zip(entries);
        var id = await crash.Client.NewUploadAsync();
        await crash.Client.UploadAsync(id, "capture.zip", zip);
        var name = await crash.Client.NewProjectAsync(id);

        var midway = await Poll.UntilAsync(async () =>
        {
            var project = await crash.Client.GetProjectAsync(name);
            var status = project.Int("status");
            status.ShouldNotBe(100, "the unpacking finished before the test could interrupt it: raise Entries");
            return status is > 0 and < 100 ? project : null;
        }, TimeSpan.FromSeconds(60), "the job to be part-way through", intervalMilliseconds: 20);
        crash.Server.Kill();
        await crash.Server.StartAsync();

        var ready = await crash.Client.WaitForProjectAsync(name, TimeSpan.FromSeconds(120));
        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["capture.zip"] = zip });
        ready.ShouldHaveFiles(entries, fromArchive: "capture.zip");
        ready.Property("files").GetArrayLength().ShouldBe(Entries + 1, "a resumed job must not list an entry twice");
        midway.Int("status").ShouldBeLessThan(100);
    }
}
