using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>PUT with Content-Range (seed 004, "Chunking &amp; resume rules").</summary>
public sealed class ChunkedPutTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    private string Stored(string id, string name) => BlobFiles.SessionFile(fixture.DataDirectory, id, name);

    private string Segments(string id, string name) => BlobFiles.SessionSegments(fixture.DataDirectory, id, name);

    [Fact]
    public async Task Put_AssemblesFile_FromContiguousChunks()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(250_000, 20);

        (await Client.PutChunkAsync(id, "scan.e57", data, 0, 100_000)).ShouldBeProgress(100_000, 250_000, complete: false);
        (await Client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(100_000, 250_000, complete: false);
        (await Client.PutChunkAsync(id, "scan.e57", data, 100_000, 100_000)).ShouldBeProgress(200_000, 250_000, complete: false);
        (await Client.PutChunkAsync(id, "scan.e57", data, 200_000, 50_000)).ShouldBeProgress(250_000, 250_000, complete: true);

        (await Client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(250_000, 250_000, complete: true);
        File.ReadAllBytes(Stored(id, "scan.e57")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Put_Returns409WithReceived_WhenChunkLeavesAGap()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(3000, 21);
        await Client.PutChunkAsync(id, "scan.e57", data, 0, 1000);

        var gap = await Client.PutChunkAsync(id, "scan.e57", data, 1500, 500);

        gap.ShouldBeError(HttpStatusCode.Conflict, "non_contiguous_chunk");
        gap.Long("received").ShouldBe(1000);
        (await Client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(1000, 3000, complete: false);
    }

    [Fact]
    public async Task Put_Returns409WithReceivedZero_WhenFirstChunkDoesNotStartAtZero()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(3000, 22);

        var gap = await Client.PutChunkAsync(id, "scan.e57", data, 1000, 1000);

        gap.ShouldBeError(HttpStatusCode.Conflict, "non_contiguous_chunk");
        gap.Long("received").ShouldBe(0);
    }

    [Fact]
    public async Task Put_AcceptsResentChunk_WithoutMovingReceived()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(3000, 23);
        await Client.PutChunkAsync(id, "scan.e57", data, 0, 1000);
        await Client.PutChunkAsync(id, "scan.e57", data, 1000, 1000);

        var resent = await Client.PutChunkAsync(id, "scan.e57", data, 1000, 1000);

        resent.ShouldBeProgress(2000, 3000, complete: false);
        BlobFiles.ReadPrefix(Segments(id, "scan.e57"), 2000).ShouldBeBytes(data.AsSpan(0, 2000));
    }

    [Fact]
    public async Task Put_AcceptsOverlappingChunk_KeepsTheBytesHeld_AndStoresOnlyWhatIsNew()
    {
        // sessions.md, "Uploading": bytes below received are the ones held; a resent overlap is read and dropped.
        var id = await Client.NewUploadAsync();
        var final = TestData.Bytes(3000, 24);
        var firstVersion = (byte[])final.Clone();
        Array.Fill(firstVersion, (byte)0xAA, 500, 500);
        await Client.PutChunkAsync(id, "scan.e57", firstVersion, 0, 1000);

        var overlap = await Client.PutChunkAsync(id, "scan.e57", final, 500, 1500);

        overlap.ShouldBeProgress(2000, 3000, complete: false);
        (await Client.PutChunkAsync(id, "scan.e57", final, 2000, 1000)).ShouldBeProgress(3000, 3000, complete: true);
        File.ReadAllBytes(Stored(id, "scan.e57")).ShouldBeBytes([.. firstVersion[..1000], .. final[1000..]]);
    }

    [Fact]
    public async Task Put_ReturnsCompleteUnchanged_WhenChunkTargetsCompleteFile()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(2000, 25);
        await Client.PutChunkAsync(id, "scan.e57", data, 0, 2000);

        var again = await Client.PutAsync(id, "scan.e57", new byte[1000], SessionsClient.ContentRange(0, 999, 2000));

        again.ShouldBeProgress(2000, 2000, complete: true);
        File.ReadAllBytes(Stored(id, "scan.e57")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Put_AcceptsWholeFileAsOneChunkCoveringEverything()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(777, 26);

        var put = await Client.PutChunkAsync(id, "one.ply", data, 0, data.Length);

        put.ShouldBeProgress(777, 777, complete: true);
    }

    [Fact]
    public async Task Put_Returns400ChunkLengthMismatch_WhenContentLengthDiffersFromRange()
    {
        var id = await Client.NewUploadAsync();

        var shorter = await Client.PutAsync(id, "scan.e57", new byte[5], SessionsClient.ContentRange(0, 9, 100));
        var longer = await Client.PutAsync(id, "scan.e57", new byte[15], SessionsClient.ContentRange(0, 9, 100));

        shorter.ShouldBeError(HttpStatusCode.BadRequest, "chunk_length_mismatch");
        longer.ShouldBeError(HttpStatusCode.BadRequest, "chunk_length_mismatch");
        var status = await Client.GetFileAsync(id, "scan.e57");
        if (status.Status == HttpStatusCode.OK)
        {
            status.Long("received").ShouldBe(0, "nothing may be taken from a body refused before reading");
        }
        else
        {
            status.ShouldBeError(HttpStatusCode.NotFound, "file_not_found");
        }
    }

    [Fact]
    public async Task Put_Returns400ChunkLengthMismatchWithReceived_WhenChunkedBodyIsTooShort()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(100, 27);

        var put = await Client.PutContentAsync(id, "scan.e57", new StreamedContent(data[..5]), SessionsClient.ContentRange(0, 9, 100));

        put.ShouldBeError(HttpStatusCode.BadRequest, "chunk_length_mismatch");
        var received = put.Long("received");
        received.ShouldBeInRange(0, 5);
        (await Client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(received, 100, complete: false);
        BlobFiles.ReadPrefix(Segments(id, "scan.e57"), received).ShouldBeBytes(data.AsSpan(0, (int)received));
    }

    [Fact]
    public async Task Put_Returns400ChunkLengthMismatchWithReceived_WhenChunkedBodyIsTooLong()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(100, 28);

        var put = await Client.PutContentAsync(id, "scan.e57", new StreamedContent(data[..15]), SessionsClient.ContentRange(0, 9, 100));

        put.ShouldBeError(HttpStatusCode.BadRequest, "chunk_length_mismatch");
        var received = put.Long("received");
        received.ShouldBeInRange(0, 10);
        (await Client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(received, 100, complete: false);
    }

    [Fact]
    public async Task Put_AcceptsChunkedTransferEncoding_WhenBodyMatchesRange()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(100, 29);

        var put = await Client.PutContentAsync(id, "scan.e57", new StreamedContent(data[..40]), SessionsClient.ContentRange(0, 39, 100));

        put.ShouldBeProgress(40, 100, complete: false);
    }
}
