using Stowage.Core.Errors;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Uploads;

public sealed class UploadSessionWriteTests
{
    [Fact]
    public async Task Write_StoresAWholeFile_AndReportsItComplete()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300_000);

        var put = (await h.PutAsync(caller, uploadId, "scan.e57", content)).ShouldSucceed();

        put.ShouldBe(new FileProgress("scan.e57", 300_000, 300_000, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "scan.e57"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_StoresAFileLargerThanTheCopyBuffer()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random((int)(2.5 * UploadBody.StreamBufferSize));

        (await h.PutAsync(caller, uploadId, "big.las", content)).ShouldSucceed().Complete.ShouldBeTrue();

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "big.las"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_OfAnEmptyBody_MakesAnEmptyCompleteFile()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var put = (await h.PutAsync(caller, uploadId, "empty.txt", [])).ShouldSucceed();

        put.ShouldBe(new FileProgress("empty.txt", 0, 0, Complete: true));
        (await h.Blobs.GetLengthAsync(h.SessionObject(uploadId, "empty.txt"), CoreHarness.Ct)).ShouldBe(0);
        (await h.Uploads.GetFileAsync(caller, uploadId, "empty.txt", CoreHarness.Ct)).ShouldSucceed().Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task Write_Returns411_ForAWholeFileWithoutContentLength()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(new MemoryStream(new byte[10]), null, null), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.LengthRequired);
    }

    [Fact]
    public async Task Write_AppendsChunksInOrder_UntilComplete()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(250_000);

        var first = (await h.PutChunkAsync(caller, uploadId, "scan.e57", content[..100_000], 0, content.Length)).ShouldSucceed();
        var second = (await h.PutChunkAsync(caller, uploadId, "scan.e57", content[100_000..200_000], 100_000, content.Length)).ShouldSucceed();
        var third = (await h.PutChunkAsync(caller, uploadId, "scan.e57", content[200_000..], 200_000, content.Length)).ShouldSucceed();

        first.ShouldBe(new FileProgress("scan.e57", 100_000, 250_000, Complete: false));
        second.ShouldBe(new FileProgress("scan.e57", 200_000, 250_000, Complete: false));
        third.ShouldBe(new FileProgress("scan.e57", 250_000, 250_000, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "scan.e57"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_AcceptsAOneByteFinalChunk()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(11);

        (await h.PutChunkAsync(caller, uploadId, "a.txt", content[..10], 0, 11)).ShouldSucceed().Received.ShouldBe(10);
        (await h.PutChunkAsync(caller, uploadId, "a.txt", content[10..], 10, 11)).ShouldSucceed().Complete.ShouldBeTrue();

        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.txt"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Write_Returns409WithReceived_WhenChunkLeavesAGap()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(300);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", content[..100], 0, 300)).ShouldSucceed();

        var gap = await h.PutChunkAsync(caller, uploadId, "a.jpg", content[200..], 200, 300);

        gap.ShouldFailWith(StowageErrors.NonContiguousChunk).Detail("received").ShouldBe(100L);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldSucceed().Received.ShouldBe(100);
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(content[..100]);
    }

    [Fact]
    public async Task Write_Returns409WithReceivedZero_WhenTheFirstChunkDoesNotStartAtZero()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var gap = await h.PutChunkAsync(caller, uploadId, "a.jpg", TestBytes.Random(100), 1, 300);

        gap.ShouldFailWith(StowageErrors.NonContiguousChunk).Detail("received").ShouldBe(0L);
    }

    [Fact]
    public async Task Write_AcceptsAnOverlappingChunk_KeepsTheBytesHeld_AndStoresOnlyWhatIsNew()
    {
        // sessions.md, "Uploading": the overlap is read and dropped, never rewritten (different bytes show it).
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var first = TestBytes.Random(200, seed: 1);
        var second = TestBytes.Random(200, seed: 2);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", first, 0, 300)).ShouldSucceed();

        var overlap = (await h.PutChunkAsync(caller, uploadId, "a.jpg", second, 100, 300)).ShouldSucceed();

        overlap.ShouldBe(new FileProgress("a.jpg", 300, 300, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes([.. first, .. second[100..]]);
    }

    [Fact]
    public async Task Write_OfAChunkEntirelyBelowReceived_DropsItAndKeepsReceived()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var first = TestBytes.Random(200, seed: 1);
        var rest = TestBytes.Random(100, seed: 4);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", first, 0, 300)).ShouldSucceed();

        var resent = (await h.PutChunkAsync(caller, uploadId, "a.jpg", TestBytes.Random(50, seed: 3), 50, 300)).ShouldSucceed();

        resent.ShouldBe(new FileProgress("a.jpg", 200, 300, Complete: false));
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(first);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", rest, 200, 300)).ShouldSucceed().Complete.ShouldBeTrue();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes([.. first, .. rest]);
    }

    [Fact]
    public async Task Write_ToACompleteFile_AnswersUnchangedAndWritesNothing()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var original = TestBytes.Random(100, seed: 1);
        (await h.PutAsync(caller, uploadId, "a.jpg", original)).ShouldSucceed();

        var wholeAgain = (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(100, seed: 2))).ShouldSucceed();
        var chunkAgain = (await h.PutChunkAsync(caller, uploadId, "a.jpg", TestBytes.Random(10, seed: 3), 0, 100)).ShouldSucceed();

        wholeAgain.ShouldBe(new FileProgress("a.jpg", 100, 100, Complete: true));
        chunkAgain.ShouldBe(new FileProgress("a.jpg", 100, 100, Complete: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(original);
    }

    [Fact]
    public async Task Write_OfTheSameNameWithAnotherTotal_IsIgnored_AndTheStoredFileIsUnchanged()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var original = TestBytes.Random(100, seed: 1);
        (await h.PutAsync(caller, uploadId, "a.jpg", original)).ShouldSucceed();

        var second = (await h.PutAsync(caller, uploadId, "a.jpg", TestBytes.Random(50, seed: 2))).ShouldSucceed();

        second.ShouldBe(new FileProgress("a.jpg", 100, 100, Complete: true, Ignored: true));
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(original);
    }

    [Fact]
    public async Task Write_OfTheSameNameWithAnotherTotal_IsIgnored_WhileTheFirstIsIncomplete()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var firstChunk = TestBytes.Random(40, seed: 1);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", firstChunk, 0, 100)).ShouldSucceed();

        var other = (await h.PutChunkAsync(caller, uploadId, "a.jpg", TestBytes.Random(80, seed: 2), 0, 80)).ShouldSucceed();

        other.ShouldBe(new FileProgress("a.jpg", 40, 100, Complete: false, Ignored: true));
        (await h.ReadSegmentsAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeBytes(firstChunk);
    }

    [Fact]
    public async Task Write_OfNamesThatFlattenAlike_TargetsOneFile()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(100);
        (await h.PutChunkAsync(caller, uploadId, "dir/Caf\u00e9.jpg", content[..60], 0, 100)).ShouldSucceed().Name.ShouldBe("dirCaf\u00e9.jpg");

        var rest = (await h.PutChunkAsync(caller, uploadId, "dir\\Cafe\u0301.jpg", content[60..], 60, 100)).ShouldSucceed();

        rest.ShouldBe(new FileProgress("dirCaf\u00e9.jpg", 100, 100, Complete: true));
        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed().Files.Count.ShouldBe(1);
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "dirCaf\u00e9.jpg"))).ShouldBeBytes(content);
    }

    public static TheoryData<long, long, long> InvalidRanges => new()
    {
        { 5, 4, 10 },   // start > end
        { 0, 10, 10 },  // end == total
        { 0, 20, 10 },  // end > total
        { -1, 4, 10 },  // negative start
        { 0, 0, 0 },    // nothing fits in an empty file
    };

    [Theory]
    [MemberData(nameof(InvalidRanges))]
    public async Task Write_Returns400InvalidContentRange_ForAnImpossibleRange(long start, long end, long total)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(new MemoryStream(new byte[5]), null, new ChunkRange(start, end, total)), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.InvalidContentRange);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.FileNotFound);
    }

    [Fact]
    public async Task Write_Returns400ChunkLengthMismatch_BeforeReading_WhenContentLengthDiffersFromTheRange()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        var body = new MemoryStream(new byte[50]);

        var put = await h.Uploads.WriteAsync(caller, uploadId, "a.jpg", UploadBody.FromStream(body, 50, new ChunkRange(0, 99, 200)), CoreHarness.Ct);

        put.ShouldFailWith(StowageErrors.ChunkLengthMismatch).Details.ContainsKey("received").ShouldBeFalse();
        body.Position.ShouldBe(0);
        (await h.Uploads.GetFileAsync(caller, uploadId, "a.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.FileNotFound);
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("/\\")]
    [InlineData("\u202E")]
    public async Task Write_Returns400InvalidFilename_WhenNothingUsableIsLeft(string name)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.PutAsync(caller, uploadId, name, new byte[1])).ShouldFailWith(StowageErrors.InvalidFilename);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("0123456789abcdef-")]
    [InlineData("../0123456789abcdefghij")]
    public async Task Write_Returns400InvalidUploadId_ForAMalformedId(string uploadId)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.PutAsync(caller, uploadId, "a.jpg", new byte[1])).ShouldFailWith(StowageErrors.InvalidUploadId);
    }

    [Fact]
    public async Task Write_Returns404_ForAnUnknownSession()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.PutAsync(caller, UploadIds.New(), "a.jpg", new byte[1])).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task GetFile_ReportsProgress_AndFindsTheFileByItsRawOrFlatName()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutChunkAsync(caller, uploadId, "a/b.jpg", TestBytes.Random(30), 0, 100)).ShouldSucceed();

        var byRaw = (await h.Uploads.GetFileAsync(caller, uploadId, "a/b.jpg", CoreHarness.Ct)).ShouldSucceed();
        var byFlat = (await h.Uploads.GetFileAsync(caller, uploadId, "ab.jpg", CoreHarness.Ct)).ShouldSucceed();

        byRaw.ShouldBe(new FileProgress("ab.jpg", 30, 100, Complete: false));
        byFlat.ShouldBe(byRaw);
    }

    [Fact]
    public async Task GetFile_Returns404FileNotFound_ForAFileNeverPut()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        (await h.Uploads.GetFileAsync(caller, uploadId, "nope.jpg", CoreHarness.Ct)).ShouldFailWith(StowageErrors.FileNotFound);
    }

    [Fact]
    public async Task GetSession_ListsEveryFileInTheOrderFirstPut()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutAsync(caller, uploadId, "z.jpg", TestBytes.Random(10))).ShouldSucceed();
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", TestBytes.Random(5), 0, 20)).ShouldSucceed();
        (await h.PutAsync(caller, uploadId, "m.jpg", [])).ShouldSucceed();

        var view = (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();

        view.Files.ShouldBe(
        [
            new FileProgress("z.jpg", 10, 10, Complete: true),
            new FileProgress("a.jpg", 5, 20, Complete: false),
            new FileProgress("m.jpg", 0, 0, Complete: true),
        ]);
    }
}
