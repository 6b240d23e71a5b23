using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Durability;

/// <summary>
/// The durability issue: "A functional test kills the server with SIGKILL in the middle of a chunked
/// upload, restarts it, and shows that GET reports received no larger than what was sent, the stored
/// prefix is byte-identical, and resuming completes a file whose SHA-256 matches."
/// </summary>
public sealed class ChunkedUploadCrashTests
{
    private const string Name = "scan.e57";

    [Fact]
    public async Task Sigkill_BetweenChunks_KeepsEveryAcknowledgedByteAndNoMore_AndResumeCompletesTheFile()
    {
        await using var crash = await CrashServer.StartAsync();
        var client = crash.Client;
        var data = TestData.Bytes(32 << 20, 130);
        const int Chunk = 256 * 1024;
        var id = await client.NewUploadAsync();
        long acknowledged = 0;
        long sentEnd = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uploading = Task.Run(async () =>
        {
            for (var start = 0; start < data.Length; start += Chunk)
            {
                Volatile.Write(ref sentEnd, start + Chunk);
                var put = await client.PutChunkAsync(id, Name, data, start, Chunk);
                put.ShouldBeProgress(start + Chunk, data.Length, start + Chunk == data.Length);
                Volatile.Write(ref acknowledged, start + Chunk);
                if (start + Chunk >= 4 << 20)
                {
                    halfway.TrySetResult();
                }
            }
        });

        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        crash.Server.Kill();
        await Should.ThrowAsync<HttpRequestException>(uploading);
        var acknowledgedAtCrash = Volatile.Read(ref acknowledged);
        var sent = Volatile.Read(ref sentEnd);
        acknowledgedAtCrash.ShouldBeLessThan(data.Length, "the kill must land in the middle of the upload");

        await crash.Server.StartAsync();

        var status = await client.GetFileAsync(id, Name);
        status.ShouldHaveStatus(HttpStatusCode.OK);
        var received = status.Long("received");
        received.ShouldBeGreaterThanOrEqualTo(acknowledgedAtCrash, "an acknowledged chunk must survive a crash");
        received.ShouldBeLessThanOrEqualTo(sent, "the server may not report bytes that were never sent");
        status.Bool("complete").ShouldBeFalse();
        BlobFiles.ReadPrefix(BlobFiles.SessionSegments(crash.DataDirectory, id, Name), received).ShouldBeBytes(data.AsSpan(0, (int)received));

        (await ResumableUpload.CompleteAsync(client, id, Name, data, 1 << 20)).ShouldBe(received);
        await AssertProjectHashAsync(client, id, data);
    }

    [Fact]
    public async Task Sigkill_WhileAChunkBodyIsStreaming_KeepsReceivedWithinSentBytes_AndThePrefixIntact()
    {
        await using var crash = await CrashServer.StartAsync();
        var client = crash.Client;
        var data = TestData.Bytes(6 << 20, 131);
        const int First = 2 << 20;
        const int InFlight = 3 << 20;
        const int SentBeforeKill = 1 << 20;
        var id = await client.NewUploadAsync();
        (await client.PutChunkAsync(id, Name, data, 0, First)).ShouldBeProgress(First, data.Length, complete: false);

        var slow = new GatedContent(data[First..(First + InFlight)], SentBeforeKill);
        var streaming = client.PutContentAsync(id, Name, slow, SessionsClient.ContentRange(First, First + InFlight - 1, data.Length));
        await slow.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300); // let the server write what it got
        crash.Server.Kill();
        slow.Release();
        await Should.ThrowAsync<HttpRequestException>(streaming);

        await crash.Server.StartAsync();

        var status = await client.GetFileAsync(id, Name);
        status.ShouldHaveStatus(HttpStatusCode.OK);
        var received = status.Long("received");
        received.ShouldBeInRange(First, First + SentBeforeKill);
        BlobFiles.ReadPrefix(BlobFiles.SessionSegments(crash.DataDirectory, id, Name), received).ShouldBeBytes(data.AsSpan(0, (int)received));

        await ResumableUpload.CompleteAsync(client, id, Name, data, 1 << 20);
        File.ReadAllBytes(BlobFiles.SessionFile(crash.DataDirectory, id, Name)).ShouldBeBytes(data);
        await AssertProjectHashAsync(client, id, data);
    }

    [Fact]
    public async Task GracefulStop_DuringUpload_KeepsTheSessionForResume()
    {
        await using var crash = await CrashServer.StartAsync();
        var client = crash.Client;
        var data = TestData.Bytes(1 << 20, 132);
        var id = await client.NewUploadAsync();
        await client.PutChunkAsync(id, Name, data, 0, 300_000);

        await crash.Server.StopAsync();
        await crash.Server.StartAsync();

        (await client.GetFileAsync(id, Name)).ShouldBeProgress(300_000, data.Length, complete: false);
        (await ResumableUpload.CompleteAsync(client, id, Name, data, 256 * 1024)).ShouldBe(300_000);
        await AssertProjectHashAsync(client, id, data);
    }

    private static async Task AssertProjectHashAsync(SessionsClient client, string id, byte[] data)
    {
        var ready = await client.WaitForProjectAsync(await client.NewProjectAsync(id));
        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { [Name] = data });
    }
}
