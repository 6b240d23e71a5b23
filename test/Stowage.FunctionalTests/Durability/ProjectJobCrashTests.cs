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
    /// <summary>
    /// Entries of the archive whose unpacking is interrupted. Each entry is fsynced, so a few hundred
    /// take seconds on a disk; if the job still finishes before the test catches it mid-way, the next
    /// size is tried.
    /// </summary>
    private static readonly int[] EntryCounts = [300, 1500];

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
        foreach (var count in EntryCounts)
        {
            var entries = Enumerable.Range(0, count)
                .ToDictionary(i => $"scans/part-{i / 100}/{i}.jpg", i => TestData.Bytes(4096 + i, 1000 + i), StringComparer.Ordinal);
            var zip = ArchiveBuilder.Zip(entries);
            var id = await crash.Client.NewUploadAsync();
            await crash.Client.UploadAsync(id, "capture.zip", zip);
            var name = await crash.Client.NewProjectAsync(id);

            var midway = await Poll.UntilAsync(async () =>
            {
                var project = await crash.Client.GetProjectAsync(name);
                return project.Int("status") is > 0 ? project : null;
            }, TimeSpan.FromSeconds(60), "the unpacking to start", intervalMilliseconds: 20);
            if (midway.Int("status") == 100)
            {
                continue; // finished before it could be interrupted: try a bigger archive
            }

            crash.Server.Kill();
            await crash.Server.StartAsync();

            var ready = await crash.Client.WaitForProjectAsync(name, TimeSpan.FromSeconds(120));
            ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["capture.zip"] = zip });
            ready.ShouldHaveFiles(entries, fromArchive: "capture.zip");
            ready.Property("files").GetArrayLength().ShouldBe(count + 1, "a resumed job must not list an entry twice");
            return;
        }

        throw new ShouldAssertException($"Unpacking {EntryCounts[^1]} entries finished before the test could interrupt it.");
    }
}
