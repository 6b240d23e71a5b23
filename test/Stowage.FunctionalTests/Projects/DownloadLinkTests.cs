using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>
/// POST /projects with download_link on a server allowed to fetch from private networks
/// (Stowage:RemoteFetch:AllowPrivateNetworks=true), served by an in-test HTTP server on 127.0.0.1.
/// </summary>
public sealed class DownloadLinkTests(RemoteFetchServerFixture fixture) : IClassFixture<RemoteFetchServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task LinkProject_FetchesTheFile_AndIsReadyWithItsHash()
    {
        await using var files = new LoopbackFileServer();
        var data = TestData.Bytes(700_000, 120);
        files.Serve("/captures/scan.e57", data);

        var created = await Client.CreateProjectAsync(new { download_link = files.UrlOf("/captures/scan.e57") });

        created.ShouldHaveStatus(HttpStatusCode.Created);
        created.String("message").ShouldBe("processing_started");
        var ready = await Client.WaitForProjectAsync(created.String("name"));
        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["scan.e57"] = data });
        ready.String("title").ShouldStartWith("scan");
        ready.Long("size").ShouldBe(data.Length);
        files.Requests("/captures/scan.e57").ShouldBe(1);
    }

    [Fact]
    public async Task LinkProject_FollowsARedirect()
    {
        await using var files = new LoopbackFileServer();
        var data = TestData.Bytes(10_000, 121);
        files.Redirect("/old/model.ifc", files.UrlOf("/new/model.ifc"));
        files.Serve("/new/model.ifc", data);

        var ready = await Client.WaitForProjectAsync(await CreateAsync(files.UrlOf("/old/model.ifc")));

        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["model.ifc"] = data });
    }

    [Fact]
    public async Task LinkProject_Fails_WhenTheLinkAnswers404()
    {
        await using var files = new LoopbackFileServer();

        var failed = await Client.WaitForProjectAsync(await CreateAsync(files.UrlOf("/missing.e57")));

        failed.Int("status").ShouldBe(-1, failed.ToString());
        failed.Property("errors").GetArrayLength().ShouldBeGreaterThan(0);
        files.Requests("/missing.e57").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task LinkProject_Fails_WhenRedirectsLoopBeyondTheLimit()
    {
        await using var files = new LoopbackFileServer();
        files.Redirect("/loop-a.e57", files.UrlOf("/loop-b.e57"));
        files.Redirect("/loop-b.e57", files.UrlOf("/loop-a.e57"));

        var failed = await Client.WaitForProjectAsync(await CreateAsync(files.UrlOf("/loop-a.e57")));

        failed.Int("status").ShouldBe(-1, failed.ToString());
        (files.Requests("/loop-a.e57") + files.Requests("/loop-b.e57")).ShouldBeLessThanOrEqualTo(6 * 5, "at most 5 redirects per attempt");
    }

    [Fact]
    public async Task LinkProject_Fails_WhenTheFileExtensionIsNotAllowed()
    {
        await using var files = new LoopbackFileServer();
        files.Serve("/tool.exe", TestData.Bytes(100, 122));

        var failed = await Client.WaitForProjectAsync(await CreateAsync(files.UrlOf("/tool.exe")));

        failed.Int("status").ShouldBe(-1, failed.ToString());
        failed.Property("errors")[0].GetProperty("code").GetString().ShouldBe("extension_not_allowed");
    }

    [Fact]
    public async Task LinkProject_Fails_WhenTheFileIsLargerThanTheAccountsFileCap()
    {
        var (key, client) = await fixture.NewAccountAsync("linkcap");
        await fixture.Cli.SetAccountAsync(key.Account, "--max-file", "1000");
        await using var files = new LoopbackFileServer();
        files.Serve("/big.e57", TestData.Bytes(5000, 123));

        var created = await client.CreateProjectAsync(new { download_link = files.UrlOf("/big.e57") });
        created.ShouldHaveStatus(HttpStatusCode.Created);
        var failed = await client.WaitForProjectAsync(created.String("name"));

        failed.Int("status").ShouldBe(-1, failed.ToString());
        failed.Property("errors")[0].GetProperty("code").GetString().ShouldBe("file_too_large");
    }

    [Fact]
    public async Task Post_Returns402WithLimit_WhenTheAccountIsAtItsQuota()
    {
        var (key, client) = await fixture.NewAccountAsync("linkquota");
        await fixture.Cli.SetAccountAsync(key.Account, "--quota", "1000");
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", new byte[1000]);
        await using var files = new LoopbackFileServer();
        files.Serve("/scan.e57", TestData.Bytes(100, 124));

        var response = await client.CreateProjectAsync(new { download_link = files.UrlOf("/scan.e57") });

        response.ShouldBeError(HttpStatusCode.PaymentRequired, "storage_quota_exceeded");
        response.Long("limit").ShouldBe(1000);
        files.Requests("/scan.e57").ShouldBe(0);
    }

    private async Task<string> CreateAsync(string link)
    {
        var created = await Client.CreateProjectAsync(new { download_link = link });
        created.ShouldHaveStatus(HttpStatusCode.Created);
        return created.String("name");
    }
}
