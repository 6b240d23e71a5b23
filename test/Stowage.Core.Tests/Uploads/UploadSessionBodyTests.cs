using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

/// <summary>Bodies that do not match what the headers promised: chunked encoding and dropped connections.</summary>
public sealed class UploadSessionBodyTests
{
    [Fact]
    public async Task Write_AcceptsAChunkedEncodingBody_OfExactlyTheRangeLength()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(100);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", Chunked(content, 0, 99, 100), CoreHarness.Ct);

        put.ShouldSucceed().ShouldBe(new FileProgress("a.jpg", 100, 100, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_Returns400ChunkLengthMismatchWithReceived_WhenAChunkedBodyIsShort_AndKeepsItsBytes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(60);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", Chunked(content, 0, 99, 200), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.ChunkLengthMismatch).Detail("received").ShouldBe(60L);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(60);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_Returns400ChunkLengthMismatchWithReceived_WhenAChunkedBodyIsLong_AndKeepsOnlyTheRange()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(150);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", Chunked(content, 0, 99, 200), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.ChunkLengthMismatch).Detail("received").ShouldBe(100L);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(100);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..100]);
    }

    [Fact]
    public async Task Write_Returns400ChunkLengthMismatchWithReceived_WhenALaterChunkedBodyIsShort()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 300)).ShouldSucceed();

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", Chunked(content[100..130], 100, 199, 300), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.ChunkLengthMismatch).Detail("received").ShouldBe(130L);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..130]);
    }

    [Fact]
    public async Task Write_Returns400IncompleteBodyWithReceived_WhenTheClientGoesAwayMidBody()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(10_000);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(new FailingStream(content, failAfter: 1000), content.Length, null), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.IncompleteBody).Detail("received").ShouldBe(1000L);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(1000);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..1000]);
    }

    [Fact]
    public async Task Write_Returns400IncompleteBodyWithReceived_WhenTheClientGoesAwayAfterSeveralBuffers()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(3 * UploadBody.StreamBufferSize);
        var start = 1000;
        var failAfter = (int)(1.5 * UploadBody.StreamBufferSize) + 123;
        (await h.PutChunkAsync(caller, uploadId, "a.las", content[..start], 0, content.Length)).ShouldSucceed();
        var body = UploadBody.FromStream(new FailingStream(content[start..], failAfter), content.Length - start, new ChunkRange(start, content.Length - 1, content.Length));

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.las", body, CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.IncompleteBody).Detail("received").ShouldBe((long)(start + failAfter));
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.las"))).ShouldBeBytes(content[..(start + failAfter)]);
    }

    [Fact]
    public async Task Write_ResumesFromReceived_AfterAnIncompleteBody()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(10_000);
        var failed = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(new FailingStream(content, failAfter: 4000), content.Length, null), CoreHarness.Ct);
        var received = (long)failed.ShouldFailWith(StowageErrors.IncompleteBody).Detail("received")!;

        var resumed = await h.PutChunkAsync(caller, uploadId, "a.jpg", content[(int)received..], received, content.Length);

        resumed.ShouldSucceed().Complete.ShouldBeTrue();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_Returns400IncompleteBody_WhenAContentLengthBodyEndsEarly()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(40);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(new MemoryStream(content), 100, new ChunkRange(0, 99, 100)), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.IncompleteBody).Detail("received").ShouldBe(40L);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_KeepsReceived_WhenTheClientGoesAwayBeforeAnyByte()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(200);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 200)).ShouldSucceed();

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(new FailingStream(content[100..], failAfter: 0), 100, new ChunkRange(100, 199, 200)), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.IncompleteBody).Detail("received").ShouldBe(100L);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..100]);
    }

    private static UploadBody Chunked(byte[] content, long start, long end, long total) =>
        UploadBody.FromStream(new MemoryStream(content), contentLength: null, new ChunkRange(start, end, total));
}
