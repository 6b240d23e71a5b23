using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>
/// docs/protocols/sessions.md, "Dropped connections": bytes that arrived before the client stopped
/// sending are kept and counted; a client still there to read gets 400 incomplete_body with received.
/// </summary>
public sealed class DroppedConnectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Put_KeepsAndCountsTheBytesThatArrived_WhenTheBodyEndsBeforeContentLength()
    {
        var id = await fixture.Client.NewUploadAsync();
        var data = TestData.Bytes(100_000, 190);
        const int Sent = 30_000;

        var (status, body) = await RawHttp.SendAndHalfCloseAsync(fixture.Server.Port,
            $"PUT /api/v1/uploads/{id}/scan.e57 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {fixture.Key.Secret}\r\n" +
            $"Content-Type: application/octet-stream\r\nContent-Range: bytes 0-{data.Length - 1}/{data.Length}\r\nContent-Length: {data.Length}",
            data[..Sent]);

        // Kestrel takes the half-close for a client that went away and may close without an answer;
        // an answer, if any, must be the documented one.
        if (status != 0)
        {
            status.ShouldBe(400, body);
            var answer = ApiResponse.FromText(body);
            answer.Error.ShouldBe("incomplete_body", body);
            answer.Long("received").ShouldBe(Sent);
        }

        await Poll.UntilAsync(async () => (await fixture.Client.GetFileAsync(id, "scan.e57")) is { Status: HttpStatusCode.OK } s && s.Long("received") == Sent,
            TimeSpan.FromSeconds(10), $"the server to count the {Sent} bytes that arrived");
        (await fixture.Client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(Sent, data.Length, complete: false);
        BlobFiles.ReadPrefix(BlobFiles.SessionSegments(fixture.DataDirectory, id, "scan.e57"), Sent).ShouldBeBytes(data.AsSpan(0, Sent));
        (await ResumableUpload.CompleteAsync(fixture.Client, id, "scan.e57", data, 40_000)).ShouldBe(Sent);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.e57")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Put_KeepsBytesThatArrived_WhenTheClientVanishesMidBody()
    {
        var id = await fixture.Client.NewUploadAsync();
        var data = TestData.Bytes(400_000, 191);
        var slow = new GatedContent(data, 150_000);
        using (var vanishing = new SessionsClient(fixture.Server.ApiBase, fixture.Key.Secret))
        {
            var put = vanishing.PutContentAsync(id, "scan.e57", slow, SessionsClient.ContentRange(0, data.Length - 1, data.Length));
            await slow.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(10));

            // Vanish only once the server is writing this request: it has registered the file (it reads the
            // body right after), and has had a moment for the bytes already on the socket. On a loaded
            // machine a fixed delay alone let the client vanish before the server read anything.
            await Poll.UntilAsync(async () => (await fixture.Client.GetFileAsync(id, "scan.e57")).Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), "the slow PUT to register the file");
            await Task.Delay(300);
            vanishing.Http.CancelPendingRequests();
            await Should.ThrowAsync<TaskCanceledException>(put);
        }

        // The server notices the reset, keeps what it wrote and releases the file.
        var received = await Poll.UntilAsync(async () =>
        {
            var status = await fixture.Client.GetFileAsync(id, "scan.e57");
            return status.Status == HttpStatusCode.OK && status.Long("received") > 0 ? (object)status.Long("received") : null;
        }, TimeSpan.FromSeconds(10), "the server to count the bytes of the vanished request");
        ((long)received).ShouldBeInRange(1, 150_000);
        (await ResumableUpload.CompleteAsync(fixture.Client, id, "scan.e57", data, 100_000)).ShouldBe((long)received);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.e57")).ShouldBeBytes(data);
    }
}
