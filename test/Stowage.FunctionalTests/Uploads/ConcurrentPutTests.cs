using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>
/// docs/protocols/sessions.md, "One writer per file": a second PUT of a file that is being written waits
/// LockWaitMilliseconds (200 ms on test servers), then gets 409 upload_in_progress with received and
/// Retry-After: 1. Different files of a session upload in parallel freely.
/// </summary>
public sealed class ConcurrentPutTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int Size = 200_000;
    private const int FirstPart = 20_000;

    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task Put_Returns409UploadInProgressWithReceived_WhileAnotherPutWritesTheSameFile()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(Size, 40);
        var slow = new GatedContent(data, FirstPart);
        var first = Client.PutContentAsync(id, "scan.e57", slow, SessionsClient.ContentRange(0, Size - 1, Size));
        try
        {
            await WriterHoldsTheFileAsync(id, "scan.e57", slow);

            var second = await Client.PutChunkAsync(id, "scan.e57", data, 0, Size);

            second.ShouldBeError(HttpStatusCode.Conflict, "upload_in_progress");
            second.Long("received").ShouldBe(0);
            second.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(1), second.ToString());
        }
        finally
        {
            slow.Release();
        }

        (await first).ShouldBeProgress(Size, Size, complete: true);
        (await Client.PutChunkAsync(id, "scan.e57", data, 0, Size)).ShouldBeProgress(Size, Size, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.e57")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Put_OfAnotherFile_IsNotBlockedByASlowUploadInTheSameSession()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(Size, 41);
        var slow = new GatedContent(data, FirstPart);
        var first = Client.PutContentAsync(id, "slow.e57", slow, SessionsClient.ContentRange(0, Size - 1, Size));
        try
        {
            await WriterHoldsTheFileAsync(id, "slow.e57", slow);

            var other = await Client.PutAsync(id, "other.jpg", TestData.Bytes(5000, 42));

            other.ShouldBeProgress(5000, 5000, complete: true);
        }
        finally
        {
            slow.Release();
        }

        (await first).ShouldBeProgress(Size, Size, complete: true);
    }

    /// <summary>The slow PUT has sent its first bytes and the server has registered the file (it locks it right after).</summary>
    private async Task WriterHoldsTheFileAsync(string id, string name, GatedContent slow)
    {
        await slow.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(async () => (await Client.GetFileAsync(id, name)).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "the slow PUT to register the file");
        await Task.Delay(300); // it takes the file's lock right after registering it
    }
}
