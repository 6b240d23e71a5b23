namespace Stowage.Conformance.Blobs;

// What a resumed upload relies on: opening a segment discards what was never counted, a compose that was never
// recorded can be continued or repeated, and aborting removes every uncomposed segment.
public abstract partial class BlobStoreConformance
{
    [Fact]
    public async Task OpenSegment_AtAnOffset_DiscardsCommittedBytesFromThere()
    {
        // The second segment was committed, but its writer died before counting it: the resume starts at 100.
        var first = Bytes(100, 1);
        var resent = Bytes(70, 3);
        await SegmentAsync(Obj("uncounted"), 0, first, 170);
        await SegmentAsync(Obj("uncounted"), 100, Bytes(50, 2), 170);

        await SegmentAsync(Obj("uncounted"), 100, resent, 170);
        await Store.ComposeSegmentsAsync(Obj("uncounted"), 170, true, Ct);

        (await ReadAsync(Obj("uncounted"))).ShouldBe(Concat(first, resent));
    }

    [Fact]
    public async Task OpenSegment_AtZero_DiscardsEverySegment()
    {
        var again = Bytes(60, 3);
        await SegmentAsync(Obj("restart"), 0, Bytes(40, 1), 60);
        await SegmentAsync(Obj("restart"), 40, Bytes(10, 2), 60);

        await SegmentAsync(Obj("restart"), 0, again, 60);
        await Store.ComposeSegmentsAsync(Obj("restart"), 60, true, Ct);

        (await ReadAsync(Obj("restart"))).ShouldBe(again);
    }

    [Fact]
    public async Task Segment_DisposedWithoutCommit_IsNeverPartOfTheObject()
    {
        var first = Bytes(100, 1);
        await SegmentAsync(Obj("uncommitted"), 0, first, 100);
        await using (var writer = await Store.OpenSegmentAsync(Obj("uncommitted"), 100, 100, Ct))
        {
            await writer.WriteAsync(Bytes(50, 2), Ct);
        }

        await Store.ComposeSegmentsAsync(Obj("uncommitted"), 100, true, Ct);

        (await ReadAsync(Obj("uncommitted"))).ShouldBe(first);
    }

    [Fact]
    public async Task OpenSegment_AfterAnUncommittedOne_ContinuesFromTheOffset()
    {
        var first = Bytes(100, 1);
        var second = Bytes(20, 3);
        await SegmentAsync(Obj("retried"), 0, first, 120);
        await using (var writer = await Store.OpenSegmentAsync(Obj("retried"), 100, 120, Ct))
        {
            await writer.WriteAsync(Bytes(50, 2), Ct);
        }

        await SegmentAsync(Obj("retried"), 100, second, 120);
        await Store.ComposeSegmentsAsync(Obj("retried"), 120, true, Ct);

        (await ReadAsync(Obj("retried"))).ShouldBe(Concat(first, second));
    }

    [Fact]
    public async Task OpenSegment_AfterAComposeThatWasNotRecorded_ContinuesFromTheComposedPrefix()
    {
        // The composing PUT crashed before its record: the caller still counts 100 bytes and resends from there.
        var first = Bytes(100, 1);
        var resent = Bytes(50, 3);
        await SegmentAsync(Obj("recomposed"), 0, first, 150);
        await SegmentAsync(Obj("recomposed"), 100, Bytes(50, 2), 150);
        await Store.ComposeSegmentsAsync(Obj("recomposed"), 150, true, Ct);

        await SegmentAsync(Obj("recomposed"), 100, resent, 150);
        await Store.ComposeSegmentsAsync(Obj("recomposed"), 150, true, Ct);

        (await ReadAsync(Obj("recomposed"))).ShouldBe(Concat(first, resent));
    }

    [Fact]
    public async Task Compose_Repeated_IsANoOp()
    {
        var data = Bytes(500, 1);
        await SegmentAsync(Obj("twice"), 0, data, data.Length);
        await Store.ComposeSegmentsAsync(Obj("twice"), data.Length, true, Ct);

        await Store.ComposeSegmentsAsync(Obj("twice"), data.Length, true, Ct);

        (await ReadAsync(Obj("twice"))).ShouldBe(data);
    }

    [Fact]
    public async Task Compose_ThrowsFileNotFound_WhenNothingWasWritten()
    {
        await Should.ThrowAsync<FileNotFoundException>(() => Store.ComposeSegmentsAsync(Obj("never"), 10, true, Ct));

        (await Store.GetLengthAsync(Obj("never"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Abort_DeletesTheSegments_SoNoComposeCanFindThem()
    {
        await SegmentAsync(Obj("aborted"), 0, Bytes(100, 1), 200);
        await SegmentAsync(Obj("aborted"), 100, Bytes(100, 2), 200);

        await Store.AbortSegmentsAsync(Obj("aborted"), Ct);

        await Should.ThrowAsync<FileNotFoundException>(() => Store.ComposeSegmentsAsync(Obj("aborted"), 200, true, Ct));
        (await Store.GetLengthAsync(Obj("aborted"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Abort_IsIdempotent_AndFineWhenNothingWasWritten()
    {
        await SegmentAsync(Obj("abort-twice"), 0, Bytes(10, 1), 20);

        await Store.AbortSegmentsAsync(Obj("abort-twice"), Ct);
        await Store.AbortSegmentsAsync(Obj("abort-twice"), Ct);
        await Store.AbortSegmentsAsync(Obj("abort-never"), Ct);
        await Store.AbortSegmentsAsync(Obj("abort-never", OtherBucket), Ct);
    }

    [Fact]
    public async Task Abort_LeavesAComposedObject()
    {
        var data = Bytes(100, 1);
        await WriteAsync(Obj("composed"), data);

        await Store.AbortSegmentsAsync(Obj("composed"), Ct);

        (await ReadAsync(Obj("composed"))).ShouldBe(data);
    }

    [Fact]
    public async Task Delete_OfTheObject_LeavesItsUncomposedSegments()
    {
        await PutAsync(Obj("both"), Bytes(10, 1));
        var data = Bytes(100, 2);
        await SegmentAsync(Obj("both"), 0, data, data.Length);

        (await Store.DeleteAsync(Obj("both"), Ct)).ShouldBeTrue();
        await Store.ComposeSegmentsAsync(Obj("both"), data.Length, true, Ct);

        (await ReadAsync(Obj("both"))).ShouldBe(data);
    }

    [Fact]
    public async Task Segments_AfterTheObjectWasDeleted_MakeANewOne()
    {
        await WriteAsync(Obj("again"), Bytes(1000, 1));
        await Store.DeleteAsync(Obj("again"), Ct);

        var data = Bytes(10, 2);
        await WriteAsync(Obj("again"), data);

        (await ReadAsync(Obj("again"))).ShouldBe(data);
    }
}
