namespace Stowage.Conformance.Blobs;

// IBlobStore.OpenSegmentAsync, IBlobSegmentWriter and ComposeSegmentsAsync: an object arriving piece by piece.
public abstract partial class BlobStoreConformance
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Compose_OfOneSegment_MakesTheObject(bool durable)
    {
        var data = Bytes(1000, 1);
        await SegmentAsync(Obj("one"), 0, data, data.Length, durable);

        await Store.ComposeSegmentsAsync(Obj("one"), data.Length, durable, Ct);

        (await ReadAsync(Obj("one"))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj("one"), Ct)).ShouldBe(1000);
    }

    [Fact]
    public async Task Compose_OfManySegments_ConcatenatesThemInOrder()
    {
        var pieces = new[] { Bytes(70_000, 1), Bytes(1, 2), Bytes(65_536, 3), Bytes(300, 4), Bytes(5000, 5) };
        var total = pieces.Sum(p => (long)p.Length);
        long offset = 0;
        foreach (var (piece, i) in pieces.Select((p, i) => (p, i)))
        {
            await SegmentAsync(Obj("many"), offset, piece, total, durable: i % 2 == 0);
            offset += piece.Length;
        }

        await Store.ComposeSegmentsAsync(Obj("many"), total, true, Ct);

        BytesShouldBe(await ReadAsync(Obj("many")), Concat(pieces));
    }

    [Fact]
    public async Task Compose_OfHundredsOfTinySegments_MakesTheWholeObject()
    {
        // A client on a bad link sends a few bytes per PUT: no segment size is too small for the contract.
        var pieces = Enumerable.Range(0, 300).Select(i => Bytes(1 + (i % 64), i)).ToArray();
        var total = pieces.Sum(p => (long)p.Length);
        long offset = 0;
        foreach (var piece in pieces)
        {
            await SegmentAsync(Obj("tiny"), offset, piece, total);
            offset += piece.Length;
        }

        await Store.ComposeSegmentsAsync(Obj("tiny"), total, true, Ct);

        BytesShouldBe(await ReadAsync(Obj("tiny")), Concat(pieces));
    }

    [Fact]
    public async Task Segment_WrittenAsBuffersNotContiguousInMemory_KeepsThemInOrder()
    {
        var parts = new[] { Bytes(70_000, 1), Bytes(1, 2), Bytes(65_536, 3), Bytes(300, 4) };
        var tail = Bytes(500, 5);
        var expected = Concat([.. parts, tail]);

        await using (var writer = await Store.OpenSegmentAsync(Obj("vectored"), 0, expected.Length, Ct))
        {
            await writer.WriteAsync(Segments.Of(parts), Ct);
            await writer.WriteAsync(tail.AsMemory(), Ct);
            await writer.CommitAsync(true, Ct);
        }

        await Store.ComposeSegmentsAsync(Obj("vectored"), expected.Length, true, Ct);
        (await ReadAsync(Obj("vectored"))).ShouldBe(expected);
    }

    [Fact]
    public async Task Segment_KeepsEveryByte_OfMultiMebibyteWritesOfOddSizes()
    {
        // Odd sizes across several MiB cross any internal write-back, buffer or part boundary a backend has.
        var pieces = new[] { Bytes(3 << 20, 1), Bytes(1, 2), Bytes((1 << 20) + 7, 3), Bytes(5 << 20, 4), Bytes(12_345, 5) };
        var expected = Concat(pieces);
        await using (var writer = await Store.OpenSegmentAsync(Obj("large"), 0, expected.Length, Ct))
        {
            foreach (var piece in pieces)
            {
                await writer.WriteAsync(piece, Ct);
            }

            await writer.CommitAsync(true, Ct);
        }

        await Store.ComposeSegmentsAsync(Obj("large"), expected.Length, true, Ct);

        (await Store.GetLengthAsync(Obj("large"), Ct)).ShouldBe(expected.Length);
        BytesShouldBe(await ReadAsync(Obj("large")), expected);
    }

    [Fact]
    public async Task Segments_AreNoObject_UntilComposed()
    {
        var data = Bytes(3000, 1);
        await SegmentAsync(Obj("pending"), 0, data[..1000], data.Length);
        await SegmentAsync(Obj("pending"), 1000, data[1000..2000], data.Length);

        (await Store.GetLengthAsync(Obj("pending"), Ct)).ShouldBeNull();
        (await Store.OpenReadAsync(Obj("pending"), 0, Ct)).ShouldBeNull();

        await SegmentAsync(Obj("pending"), 2000, data[2000..], data.Length);
        await Store.ComposeSegmentsAsync(Obj("pending"), data.Length, true, Ct);
        (await ReadAsync(Obj("pending"))).ShouldBe(data);
    }

    [Fact]
    public async Task Segment_OfNoBytes_ChangesNothing()
    {
        var data = Bytes(150, 1);
        await SegmentAsync(Obj("nothing-new"), 0, data[..100], data.Length);
        await SegmentAsync(Obj("nothing-new"), 100, [], data.Length);
        await SegmentAsync(Obj("nothing-new"), 100, data[100..], data.Length);

        await Store.ComposeSegmentsAsync(Obj("nothing-new"), data.Length, true, Ct);

        (await ReadAsync(Obj("nothing-new"))).ShouldBe(data);
    }

    [Fact]
    public async Task Compose_OfAnEmptySegment_MakesAnEmptyObject()
    {
        await SegmentAsync(Obj("empty"), 0, [], 0);

        await Store.ComposeSegmentsAsync(Obj("empty"), 0, true, Ct);

        (await Store.GetLengthAsync(Obj("empty"), Ct)).ShouldBe(0);
        (await ReadAsync(Obj("empty"))).ShouldBe([]);
    }

    [Fact]
    public async Task Compose_ReplacesAnObjectAlreadyAtTheTarget()
    {
        await PutAsync(Obj("replaced"), Bytes(9000, 1));
        var data = Bytes(10, 2);
        await SegmentAsync(Obj("replaced"), 0, data, data.Length);

        await Store.ComposeSegmentsAsync(Obj("replaced"), data.Length, true, Ct);

        (await ReadAsync(Obj("replaced"))).ShouldBe(data);
    }

    [Fact]
    public async Task Segments_OfDifferentTargets_StayApart()
    {
        var a = Bytes(200, 1);
        var b = Bytes(300, 2);
        var other = Bytes(50, 3);
        await SegmentAsync(Obj("a"), 0, a[..100], a.Length);
        await SegmentAsync(Obj("b"), 0, b[..100], b.Length);
        await SegmentAsync(Obj("a", OtherBucket), 0, other, other.Length);
        await SegmentAsync(Obj("a"), 100, a[100..], a.Length);
        await SegmentAsync(Obj("b"), 100, b[100..], b.Length);

        await Store.ComposeSegmentsAsync(Obj("b"), b.Length, true, Ct);
        await Store.ComposeSegmentsAsync(Obj("a"), a.Length, true, Ct);
        await Store.ComposeSegmentsAsync(Obj("a", OtherBucket), other.Length, true, Ct);

        (await ReadAsync(Obj("a"))).ShouldBe(a);
        (await ReadAsync(Obj("b"))).ShouldBe(b);
        (await ReadAsync(Obj("a", OtherBucket))).ShouldBe(other);
    }
}
