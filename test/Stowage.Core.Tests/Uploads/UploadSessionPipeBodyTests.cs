using System.IO.Pipelines;
using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

/// <summary>
/// Bodies read in place from a pipe, as the server passes its transport's reader: data arrives in many
/// separately flushed segments, the end of the range can fall inside a segment, and the pipe can end or
/// fail at any point.
/// </summary>
public sealed class UploadSessionPipeBodyTests
{
    [Fact]
    public async Task Write_StoresEveryByteInOrder_WhenTheBodyArrivesInManySmallSegments()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300_000);
        var pipe = new Pipe();

        var put = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", new UploadBody(pipe.Reader, content.Length, null), CoreHarness.Ct);
        await SendAsync(pipe.Writer, content, pieceBytes: 7_001);
        await pipe.Writer.CompleteAsync();

        (await put).ShouldSucceed().ShouldBe(new FileProgress("a.jpg", 300_000, 300_000, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_KeepsOnlyTheRange_WhenAChunkedBodyRunsOnInsideTheLastSegment()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(1_000);
        var pipe = new Pipe();

        // One flush holds bytes 0..999 while the range ends at 599: the end falls inside the buffer.
        await pipe.Writer.WriteAsync(content, CoreHarness.Ct);
        await pipe.Writer.CompleteAsync();
        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", new UploadBody(pipe.Reader, null, new ChunkRange(0, 599, 2_000)), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.ChunkLengthMismatch).Detail("received").ShouldBe(600L);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..600]);
    }

    [Fact]
    public async Task Write_Returns400ChunkLengthMismatch_WhenAChunkedBodySendsOneMoreByteInALaterSegment()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(601);
        var pipe = new Pipe();

        var put = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", new UploadBody(pipe.Reader, null, new ChunkRange(0, 599, 2_000)), CoreHarness.Ct);
        await pipe.Writer.WriteAsync(content.AsMemory(0, 600), CoreHarness.Ct);
        await Task.Delay(50, CoreHarness.Ct); // the copier has the whole range and now waits to see whether the body ends
        await pipe.Writer.WriteAsync(content.AsMemory(600, 1), CoreHarness.Ct);
        await pipe.Writer.CompleteAsync();

        (await put).ShouldFailWith(StowageErrors.ChunkLengthMismatch).Detail("received").ShouldBe(600L);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..600]);
    }

    [Fact]
    public async Task Write_Succeeds_WhenAChunkedBodyEndsExactlyAtTheRangeAfterAnEmptyWait()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(600);
        var pipe = new Pipe();

        var put = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", new UploadBody(pipe.Reader, null, new ChunkRange(0, 599, 600)), CoreHarness.Ct);
        await SendAsync(pipe.Writer, content, pieceBytes: 256);
        await Task.Delay(50, CoreHarness.Ct);
        await pipe.Writer.CompleteAsync();

        (await put).ShouldSucceed().ShouldBe(new FileProgress("a.jpg", 600, 600, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_Returns400IncompleteBodyAndKeepsWhatArrived_WhenTheTransportFailsMidBody()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(50_000);
        var pipe = new Pipe();

        var put = h.Uploads.WriteAsync(caller, uploadId, "a.jpg", new UploadBody(pipe.Reader, content.Length, null), CoreHarness.Ct);
        await SendAsync(pipe.Writer, content.AsMemory(0, 20_000), pieceBytes: 3_000);
        await Task.Delay(50, CoreHarness.Ct);
        await pipe.Writer.CompleteAsync(new IOException("connection reset by peer"));

        (await put).ShouldFailWith(StowageErrors.IncompleteBody).Detail("received").ShouldBe(20_000L);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(20_000);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..20_000]);
    }

    [Fact]
    public async Task Write_Returns400IncompleteBody_WhenABodyWithAContentLengthEndsEarly()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(5_000);
        var pipe = new Pipe();

        await pipe.Writer.WriteAsync(content.AsMemory(0, 4_000), CoreHarness.Ct);
        await pipe.Writer.CompleteAsync();
        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", new UploadBody(pipe.Reader, content.Length, null), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.IncompleteBody).Detail("received").ShouldBe(4_000L);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..4_000]);
    }

    private static async Task SendAsync(PipeWriter writer, ReadOnlyMemory<byte> content, int pieceBytes)
    {
        for (var offset = 0; offset < content.Length; offset += pieceBytes)
        {
            await writer.WriteAsync(content[offset..Math.Min(content.Length, offset + pieceBytes)], CoreHarness.Ct);
        }
    }
}
