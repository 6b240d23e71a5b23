namespace Stowage.Conformance.Blobs;

// IBlobStore.OpenWriterAsync and IBlobWriter.
public abstract partial class BlobStoreConformance
{
    [Fact]
    public async Task Write_CreatesTheObject_WhenWritingAtZero()
    {
        var data = Bytes(1000, 1);

        await WriteAsync(Obj("new"), 0, data);

        (await ReadAsync(Obj("new"))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj("new"), Ct)).ShouldBe(1000);
    }

    [Fact]
    public async Task WriteSequence_WritesEverySegmentInOrder_ThenContinuesAfterThem()
    {
        var parts = new[] { Bytes(70_000, 1), Bytes(1, 2), Bytes(65_536, 3), Bytes(300, 4) };
        var tail = Bytes(500, 5);

        await using (var writer = await Store.OpenWriterAsync(Obj("vectored"), 0, Ct))
        {
            await writer.WriteAsync(Segments.Of(parts), Ct);
            writer.Position.ShouldBe(parts.Sum(p => (long)p.Length));
            await writer.WriteAsync(tail.AsMemory(), Ct);
            await writer.FlushAsync(true, Ct);
        }

        (await ReadAsync(Obj("vectored"))).ShouldBe(Concat([.. parts, tail]));
    }

    [Fact]
    public async Task WriteSequence_OverwritesInPlace_FromTheWritersOffset()
    {
        var original = Bytes(1000, 1);
        await WriteAsync(Obj("vectored-patch"), 0, original);
        var patch = new[] { Bytes(30, 2), Bytes(70, 3) };

        await using (var writer = await Store.OpenWriterAsync(Obj("vectored-patch"), 400, Ct))
        {
            await writer.WriteAsync(Segments.Of(patch), Ct);
            await writer.FlushAsync(true, Ct);
        }

        (await ReadAsync(Obj("vectored-patch"))).ShouldBe(Concat(original[..400], patch[0], patch[1], original[500..]));
    }

    [Fact]
    public async Task OpenWriter_CreatesAnEmptyObject_WhenNothingIsWritten()
    {
        await using (var writer = await Store.OpenWriterAsync(Obj("empty"), 0, Ct))
        {
            await writer.FlushAsync(true, Ct);
        }

        (await Store.GetLengthAsync(Obj("empty"), Ct)).ShouldBe(0);
        (await ReadAsync(Obj("empty"))).ShouldBe([]);
    }

    [Fact]
    public async Task Write_AppendsAtTheEnd_WhenReopenedAtTheLength()
    {
        var first = Bytes(700, 1);
        var second = Bytes(300, 2);
        await WriteAsync(Obj("append"), 0, first);

        await WriteAsync(Obj("append"), 700, second);

        (await ReadAsync(Obj("append"))).ShouldBe(Concat(first, second));
    }

    [Fact]
    public async Task Write_OverwritesInPlace_WhenOffsetIsBelowLength()
    {
        var original = Bytes(1000, 1);
        var patch = Bytes(100, 2);
        await WriteAsync(Obj("patch"), 0, original);

        await WriteAsync(Obj("patch"), 400, patch);

        (await ReadAsync(Obj("patch"))).ShouldBe(Concat(original[..400], patch, original[500..]));
        (await Store.GetLengthAsync(Obj("patch"), Ct)).ShouldBe(1000);
    }

    [Fact]
    public async Task Write_ExtendsTheObject_WhenOverwriteRunsPastTheEnd()
    {
        var original = Bytes(1000, 1);
        var tail = Bytes(500, 2);
        await WriteAsync(Obj("extend"), 0, original);

        await WriteAsync(Obj("extend"), 800, tail);

        (await ReadAsync(Obj("extend"))).ShouldBe(Concat(original[..800], tail));
    }

    [Fact]
    public async Task OpenWriter_KeepsExistingBytes_WhenReopenedAtAnOffsetWithoutWriting()
    {
        var data = Bytes(1000, 1);
        await WriteAsync(Obj("keep"), 0, data);

        await using (var writer = await Store.OpenWriterAsync(Obj("keep"), 0, Ct))
        {
            await writer.FlushAsync(true, Ct);
        }

        (await ReadAsync(Obj("keep"))).ShouldBe(data);
    }

    [Fact]
    public async Task Position_StartsAtTheOffset_AndAdvancesByBytesWritten()
    {
        await WriteAsync(Obj("pos"), 0, Bytes(100, 1));

        await using var writer = await Store.OpenWriterAsync(Obj("pos"), 100, Ct);
        writer.Position.ShouldBe(100);
        await writer.WriteAsync(Bytes(30, 2), Ct);
        writer.Position.ShouldBe(130);
        await writer.WriteAsync(ReadOnlyMemory<byte>.Empty, Ct);
        writer.Position.ShouldBe(130);
        await writer.WriteAsync(Bytes(5, 3), Ct);
        writer.Position.ShouldBe(135);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Flush_MakesWrittenBytesVisibleToReaders_WhileTheWriterStaysOpen(bool durable)
    {
        var data = Bytes(4096, 1);
        await using var writer = await Store.OpenWriterAsync(Obj("visible"), 0, Ct);
        await writer.WriteAsync(data, Ct);

        await writer.FlushAsync(durable, Ct);

        (await ReadAsync(Obj("visible"))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj("visible"), Ct)).ShouldBe(4096);
    }

    [Fact]
    public async Task Write_Continues_AfterEachOfManyFlushes()
    {
        var pieces = Enumerable.Range(0, 5).Select(i => Bytes(1000 + i, i)).ToArray();
        await using (var writer = await Store.OpenWriterAsync(Obj("flushes"), 0, Ct))
        {
            foreach (var (piece, i) in pieces.Select((p, i) => (p, i)))
            {
                await writer.WriteAsync(piece, Ct);
                await writer.FlushAsync(durable: i % 2 == 0, Ct);
            }
        }

        (await ReadAsync(Obj("flushes"))).ShouldBe(Concat(pieces));
    }

    [Fact]
    public async Task Write_KeepsEveryByte_OfMultiMebibyteWritesOfOddSizes()
    {
        // Odd sizes across several MiB cross any internal write-back or buffer boundary a backend has.
        var pieces = new[] { Bytes(3 << 20, 1), Bytes(1, 2), Bytes((1 << 20) + 7, 3), Bytes(5 << 20, 4), Bytes(12_345, 5) };
        await using (var writer = await Store.OpenWriterAsync(Obj("large"), 0, Ct))
        {
            foreach (var piece in pieces)
            {
                await writer.WriteAsync(piece, Ct);
            }

            await writer.FlushAsync(true, Ct);
        }

        var expected = Concat(pieces);
        (await Store.GetLengthAsync(Obj("large"), Ct)).ShouldBe(expected.Length);
        BytesShouldBe(await ReadAsync(Obj("large")), expected);
    }

    [Fact]
    public async Task Write_StartsAnEmptyObject_AfterTheOldOneWasDeleted()
    {
        await WriteAsync(Obj("again"), 0, Bytes(1000, 1));
        await Store.DeleteAsync(Obj("again"), Ct);

        var data = Bytes(10, 2);
        await WriteAsync(Obj("again"), 0, data);

        (await ReadAsync(Obj("again"))).ShouldBe(data);
    }
}
