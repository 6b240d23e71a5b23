using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>docs/protocols/sessions.md, "Limits": 413 file_too_large and session_too_large, each with limit.</summary>
public sealed class SizeLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const long DefaultMaxFileBytes = 1L << 40;
    private const long DefaultMaxSessionBytes = 2L << 40;

    [Fact]
    public async Task Put_Returns413FileTooLargeWithLimit_WhenTotalExceedsServerDefault()
    {
        var id = await fixture.Client.NewUploadAsync();

        var put = await fixture.Client.PutAsync(id, "huge.e57", [0], SessionsClient.ContentRange(0, 0, DefaultMaxFileBytes + 1));

        put.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "file_too_large");
        put.Long("limit").ShouldBe(DefaultMaxFileBytes);
    }

    [Fact]
    public async Task Put_Returns413FileTooLargeWithLimit_WhenTotalExceedsAccountCap()
    {
        var (key, client) = await fixture.NewAccountAsync("maxfile");
        await fixture.Cli.SetAccountAsync(key.Account, "--max-file", "1000");
        var id = await client.NewUploadAsync();

        var whole = await client.PutAsync(id, "big.jpg", new byte[1001]);
        var chunk = await client.PutAsync(id, "bigger.jpg", new byte[10], SessionsClient.ContentRange(0, 9, 5000));
        var exact = await client.PutAsync(id, "fits.jpg", new byte[1000]);

        whole.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "file_too_large");
        whole.Long("limit").ShouldBe(1000);
        chunk.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "file_too_large");
        chunk.Long("limit").ShouldBe(1000);
        exact.ShouldBeProgress(1000, 1000, complete: true);
    }

    [Fact]
    public async Task Put_Returns413SessionTooLargeWithLimit_WhenSessionTotalsExceedAccountCap()
    {
        var (key, client) = await fixture.NewAccountAsync("maxsession");
        await fixture.Cli.SetAccountAsync(key.Account, "--max-session", "1000");
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", new byte[600]);

        var second = await client.PutAsync(id, "b.jpg", new byte[10], SessionsClient.ContentRange(0, 9, 401));
        var fits = await client.PutAsync(id, "c.jpg", new byte[400]);

        second.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "session_too_large");
        second.Long("limit").ShouldBe(1000);
        fits.ShouldBeProgress(400, 400, complete: true);
        (await client.GetSessionAsync(id)).Property("files").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Put_Returns413SessionTooLargeWithLimit_WhenSessionTotalsExceedServerDefault()
    {
        var id = await fixture.Client.NewUploadAsync();
        try
        {
            // Reserving a file costs no space: two 1 TiB reservations fill the 2 TiB default exactly.
            (await fixture.Client.PutAsync(id, "a.e57", [0], SessionsClient.ContentRange(0, 0, DefaultMaxFileBytes))).ShouldBeProgress(1, DefaultMaxFileBytes, false);
            (await fixture.Client.PutAsync(id, "b.e57", [0], SessionsClient.ContentRange(0, 0, DefaultMaxFileBytes))).ShouldBeProgress(1, DefaultMaxFileBytes, false);

            var third = await fixture.Client.PutAsync(id, "c.e57", [0]);

            third.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "session_too_large");
            third.Long("limit").ShouldBe(DefaultMaxSessionBytes);
        }
        finally
        {
            await fixture.Client.DeleteSessionAsync(id);
        }
    }
}
