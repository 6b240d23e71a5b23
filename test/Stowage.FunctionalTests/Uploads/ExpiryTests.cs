using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>
/// docs/protocols/sessions.md, "Expiry": a session expires SessionTtlSeconds after its last accepted
/// chunk and the sweeper deletes it with its bytes. Here the TTL is 2 s and the sweep runs every second.
/// </summary>
public sealed class ExpiryTests(ExpiringServerFixture fixture) : IClassFixture<ExpiringServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task Session_Returns404AndLosesItsBytes_AfterItExpires()
    {
        var created = await Client.CreateUploadAsync();
        created.ShouldHaveStatus(HttpStatusCode.Created);
        created.Long("expires_in_seconds").ShouldBe(ExpiringServerFixture.TtlSeconds);
        var id = created.String("upload_id");
        var data = TestData.Bytes(10_000, 50);
        await Client.PutChunkAsync(id, "scan.e57", data, 0, 4000);
        var blob = BlobFiles.SessionSegments(fixture.DataDirectory, id, "scan.e57");
        File.Exists(blob).ShouldBeTrue();

        await Poll.UntilAsync(async () => (await Client.GetSessionAsync(id)).Status == HttpStatusCode.NotFound, Patience, "the session to expire");
        await Poll.UntilAsync(() => !File.Exists(blob), Patience, "the sweeper to delete the expired session's bytes");

        (await Client.GetSessionAsync(id)).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await Client.GetFileAsync(id, "scan.e57")).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await Client.PutChunkAsync(id, "scan.e57", data, 4000, 6000)).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await Client.CreateProjectAsync(new { upload_id = id })).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
    }

    [Fact]
    public async Task Session_StaysAlive_WhileChunksKeepArriving()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(6, 51);

        // Sliding expiry: each accepted chunk restarts the 2 s clock; 6 chunks 0.5 s apart outlive it.
        for (var i = 0; i < data.Length; i++)
        {
            (await Client.PutChunkAsync(id, "slow.e57", data, i, 1)).ShouldBeProgress(i + 1, data.Length, i == data.Length - 1);
            var session = await Client.GetSessionAsync(id);
            session.ShouldHaveStatus(HttpStatusCode.OK);
            session.Long("expires_in_seconds").ShouldBeInRange(1, ExpiringServerFixture.TtlSeconds);
            await Task.Delay(500);
        }

        (await Client.GetFileAsync(id, "slow.e57")).ShouldBeProgress(data.Length, data.Length, complete: true);
    }

    [Fact]
    public async Task ProjectFiles_SurviveTheSweep_AfterTheirSessionBecameAProject()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(5000, 52);
        await Client.UploadAsync(id, "keep.jpg", data);
        var name = await Client.NewProjectAsync(id);
        var ready = await Client.WaitForProjectAsync(name);
        ready.Int("status").ShouldBe(100, ready.ToString());

        await Task.Delay(TimeSpan.FromSeconds(ExpiringServerFixture.TtlSeconds + 1.5));

        var later = await Client.GetProjectAsync(name);
        later.Int("status").ShouldBe(100, later.ToString());
        (await Client.ProjectFileBytesAsync(name, "keep.jpg")).ShouldBeBytes(data);
    }
}
