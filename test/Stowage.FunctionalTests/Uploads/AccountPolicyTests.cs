using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>
/// The account's quota (402 storage_quota_exceeded with limit) and tariff (403 tariff_forbids_upload),
/// changed with <c>stowage accounts set</c> while the server runs.
/// </summary>
public sealed class AccountPolicyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Put_Returns402WithLimit_WhenFileWouldExceedQuota()
    {
        var (key, client) = await fixture.NewAccountAsync("quota");
        await fixture.Cli.SetAccountAsync(key.Account, "--quota", "1000");
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", new byte[800]);

        var over = await client.PutAsync(id, "b.jpg", new byte[300]);

        over.ShouldBeError(HttpStatusCode.PaymentRequired, "storage_quota_exceeded");
        over.Long("limit").ShouldBe(1000);
        (await client.GetFileAsync(id, "b.jpg")).ShouldBeError(HttpStatusCode.NotFound, "file_not_found");
        (await client.PutAsync(id, "c.jpg", new byte[200])).ShouldBeProgress(200, 200, complete: true);
    }

    [Fact]
    public async Task PostUploads_Returns402WithLimit_WhenAccountIsAtItsQuota()
    {
        var (key, client) = await fixture.NewAccountAsync("quotafull");
        await fixture.Cli.SetAccountAsync(key.Account, "--quota", "1000");
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", new byte[1000]);

        var post = await client.CreateUploadAsync();

        post.ShouldBeError(HttpStatusCode.PaymentRequired, "storage_quota_exceeded");
        post.Long("limit").ShouldBe(1000);
    }

    [Fact]
    public async Task Quota_CountsProjectsToo()
    {
        var (key, client) = await fixture.NewAccountAsync("quotaproj");
        await fixture.Cli.SetAccountAsync(key.Account, "--quota", "1000");
        var first = await client.NewUploadAsync();
        await client.UploadAsync(first, "a.jpg", new byte[700]);
        var project = await client.NewProjectAsync(first);
        (await client.WaitForProjectAsync(project)).Int("status").ShouldBe(100);
        var second = await client.NewUploadAsync();

        var over = await client.PutAsync(second, "b.jpg", new byte[301]);

        over.ShouldBeError(HttpStatusCode.PaymentRequired, "storage_quota_exceeded");
        over.Long("limit").ShouldBe(1000);
        (await client.PutAsync(second, "c.jpg", new byte[300])).ShouldBeProgress(300, 300, complete: true);
    }

    [Fact]
    public async Task EveryWrite_Returns403TariffForbidsUpload_WhenAccountMayNotUpload()
    {
        var (key, client) = await fixture.NewAccountAsync("tariff");
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", new byte[10]);

        await fixture.Cli.SetAccountAsync(key.Account, "--upload-allowed", "false");

        (await client.CreateUploadAsync()).ShouldBeError(HttpStatusCode.Forbidden, "tariff_forbids_upload");
        (await client.PutAsync(id, "b.jpg", new byte[10])).ShouldBeError(HttpStatusCode.Forbidden, "tariff_forbids_upload");
        (await client.CreateProjectAsync(new { upload_id = id })).ShouldBeError(HttpStatusCode.Forbidden, "tariff_forbids_upload");
        (await client.GetFileAsync(id, "b.jpg")).ShouldBeError(HttpStatusCode.NotFound, "file_not_found");

        await fixture.Cli.SetAccountAsync(key.Account, "--upload-allowed", "true");
        (await client.PutAsync(id, "b.jpg", new byte[10])).ShouldBeProgress(10, 10, complete: true);
    }
}
