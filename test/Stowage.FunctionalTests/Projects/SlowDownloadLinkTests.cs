using System.Diagnostics;
using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>
/// download_link sources that trickle a byte a second (docs/operations.md, RemoteFetch and Jobs): the fetch is cut
/// by the minimum rate and the project fails with the reason, without a retry; meanwhile no account's slow links can
/// take every job worker from another account.
/// </summary>
public sealed class SlowDownloadLinkTests(SlowLinkServerFixture fixture) : IClassFixture<SlowLinkServerFixture>
{
    private static readonly TimeSpan OneBytePerSecond = TimeSpan.FromSeconds(1);

    /// <summary>Job pick-up, connecting, the rate check's granularity (a fifth of the window) and a loaded machine.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task LinkProject_FailsWithDownloadTooSlow_WithinTheRateWindow_WhenTheLinkTrickles()
    {
        await using var files = new LoopbackFileServer();
        var route = files.Trickle("/trickle/scan.e57", TestData.Bytes(1000, 130), OneBytePerSecond);
        var clock = Stopwatch.StartNew();

        var created = await fixture.Client.CreateProjectAsync(new { download_link = files.UrlOf("/trickle/scan.e57") });
        created.ShouldHaveStatus(HttpStatusCode.Created);
        var failed = await fixture.Client.WaitForProjectAsync(created.String("name"), SlowLinkServerFixture.RateWindow + Slack);
        var elapsed = clock.Elapsed;

        failed.Int("status").ShouldBe(-1, failed.ToString());
        var error = failed.Property("errors")[0];
        error.GetProperty("code").GetString().ShouldBe("download_too_slow");
        error.GetProperty("message").GetString()!.ShouldContain($"below the minimum of {SlowLinkServerFixture.MinimumBytesPerSecond} bytes per second");
        elapsed.ShouldBeGreaterThanOrEqualTo(SlowLinkServerFixture.RateWindow, "a whole window is watched before the rate is judged");
        route.Requests.ShouldBe(1, "a link too slow to fetch is not retried");
        await Poll.UntilAsync(() => route.Dropped == 1, Slack, "the server to close the trickling connection");
    }

    [Fact]
    public async Task AnotherAccountsProject_IsReady_WhileOneAccountsTricklingLinksHoldTheirWorkers()
    {
        var (_, slowAccount) = await fixture.NewAccountAsync("trickler");
        var (_, otherAccount) = await fixture.NewAccountAsync("bystander");
        await using var files = new LoopbackFileServer();

        // As many trickling projects as the server has workers: without a per-account cap they would take them all.
        var trickles = new List<(FileRoute Route, string Project)>();
        for (var i = 0; i < SlowLinkServerFixture.Workers; i++)
        {
            var route = files.Trickle($"/trickle/{i}.e57", TestData.Bytes(1000, 131), OneBytePerSecond);
            var created = await slowAccount.CreateProjectAsync(new { download_link = files.UrlOf($"/trickle/{i}.e57") });
            created.ShouldHaveStatus(HttpStatusCode.Created);
            trickles.Add((route, created.String("name")));
        }

        await Poll.UntilAsync(
            () => trickles.Count(t => t.Route.TrickleStarted.IsCompleted) >= SlowLinkServerFixture.MaxRunningPerAccount,
            Slack, "the slow account's first links to start trickling");
        var data = TestData.Bytes(50_000, 132);
        files.Serve("/fast/model.ifc", data);
        var clock = Stopwatch.StartNew();

        var other = await otherAccount.CreateProjectAsync(new { download_link = files.UrlOf("/fast/model.ifc") });
        other.ShouldHaveStatus(HttpStatusCode.Created);
        var ready = await otherAccount.WaitForProjectAsync(other.String("name"), SlowLinkServerFixture.RateWindow);

        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["model.ifc"] = data });
        clock.Elapsed.ShouldBeLessThan(SlowLinkServerFixture.RateWindow, "processed while the trickles still held their workers");
        trickles.Count(t => t.Route.TrickleStarted.IsCompleted).ShouldBe(SlowLinkServerFixture.MaxRunningPerAccount, "the account's cap held its third job back");
        foreach (var (_, project) in trickles)
        {
            (await slowAccount.GetProjectAsync(project)).Int("status").ShouldBeInRange(0, 99, "the trickling projects are still being fetched");
        }

        // The held-back job runs once a trickle is cut; every one of them ends as too slow.
        foreach (var (_, project) in trickles)
        {
            var failed = await slowAccount.WaitForProjectAsync(project, 2 * SlowLinkServerFixture.RateWindow + Slack);
            failed.Property("errors")[0].GetProperty("code").GetString().ShouldBe("download_too_slow", failed.ToString());
        }
    }
}
