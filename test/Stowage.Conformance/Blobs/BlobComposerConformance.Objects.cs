namespace Stowage.Conformance.Blobs;

// A composed object is an ordinary object: replaced by compose, composed segments or put, deleted.
public abstract partial class BlobComposerConformance
{
    [Fact]
    public async Task Compose_OverAnExistingPlainObject_ReplacesIt()
    {
        await PutAsync(Obj("over-plain"), Bytes(9000, 1));
        var parts = await PutPartsAsync(Obj("over-plain"), 100, 50);

        await ComposeAsync(Obj("over-plain"), 1, 2);

        BytesShouldBe(await ReadAsync(Obj("over-plain")), Concat(parts));
        (await Store.GetLengthAsync(Obj("over-plain"), Ct)).ShouldBe(150);
    }

    [Fact]
    public async Task Compose_OverAnExistingComposite_ReplacesIt()
    {
        await PutPartsAsync(Obj("over-composite"), 400, 500, 600);
        await ComposeAsync(Obj("over-composite"), 1, 2, 3);
        var replacement = Bytes(70, 9);
        await PutPartAsync(Obj("over-composite"), 2, replacement);

        await ComposeAsync(Obj("over-composite"), 2);

        BytesShouldBe(await ReadAsync(Obj("over-composite")), replacement);
        (await Store.GetLengthAsync(Obj("over-composite"), Ct)).ShouldBe(70);
    }

    [Fact]
    public async Task Put_OverAComposite_ReplacesIt()
    {
        await PutPartsAsync(Obj("put-over"), 100, 200);
        await ComposeAsync(Obj("put-over"), 1, 2);
        var plain = Bytes(42, 5);

        await PutAsync(Obj("put-over"), plain);

        BytesShouldBe(await ReadAsync(Obj("put-over")), plain);
        (await Store.GetLengthAsync(Obj("put-over"), Ct)).ShouldBe(42);
    }

    [Fact]
    public async Task ComposeSegments_OverAComposite_ReplacesIt()
    {
        await PutPartsAsync(Obj("segments-over"), 100, 200);
        await ComposeAsync(Obj("segments-over"), 1, 2);
        var data = Bytes(70, 6);
        await using (var writer = await Store.OpenSegmentAsync(Obj("segments-over"), 0, data.Length, Ct))
        {
            await writer.WriteAsync(data, Ct);
            await writer.CommitAsync(true, Ct);
        }

        await Store.ComposeSegmentsAsync(Obj("segments-over"), data.Length, true, Ct);

        BytesShouldBe(await ReadAsync(Obj("segments-over")), data);
        (await Store.GetLengthAsync(Obj("segments-over"), Ct)).ShouldBe(70);
    }

    [Fact]
    public async Task Delete_OfAComposite_RemovesIt_AndReturnsFalseTheSecondTime()
    {
        await PutPartsAsync(Obj("deleted"), 10, 20);
        await ComposeAsync(Obj("deleted"), 1, 2);

        (await Store.DeleteAsync(Obj("deleted"), Ct)).ShouldBeTrue();
        (await Store.DeleteAsync(Obj("deleted"), Ct)).ShouldBeFalse();

        (await Store.GetLengthAsync(Obj("deleted"), Ct)).ShouldBeNull();
        (await ReadAsync(Obj("deleted"))).ShouldBeNull();
    }

    [Fact]
    public async Task Compose_AfterDelete_CreatesTheObjectAgain()
    {
        await PutPartsAsync(Obj("again"), 10);
        await ComposeAsync(Obj("again"), 1);
        await Store.DeleteAsync(Obj("again"), Ct);
        var parts = await PutPartsAsync(Obj("again"), 25);

        await ComposeAsync(Obj("again"), 1);

        BytesShouldBe(await ReadAsync(Obj("again")), parts[0]);
    }
}
