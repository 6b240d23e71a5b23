namespace Stowage.Conformance.Blobs;

// A composed object is an ordinary object: replaced by compose or put, moved, deleted.
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
    public async Task Move_OfAComposite_ToANewKey_KeepsItsBytes()
    {
        var parts = await PutPartsAsync(Obj("move-from"), 100, 200);
        await ComposeAsync(Obj("move-from"), 1, 2);

        (await Store.MoveAsync(Obj("move-from"), Obj("move-to"), true, Ct)).ShouldBeTrue();

        BytesShouldBe(await ReadAsync(Obj("move-to")), Concat(parts));
        (await Store.GetLengthAsync(Obj("move-from"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_OfAComposite_OverAPlainObject_ReplacesIt()
    {
        var parts = await PutPartsAsync(Obj("composite-src"), 100, 200);
        await ComposeAsync(Obj("composite-src"), 1, 2);
        await PutAsync(Obj("plain-dst"), Bytes(5000, 3));

        (await Store.MoveAsync(Obj("composite-src"), Obj("plain-dst"), true, Ct)).ShouldBeTrue();

        BytesShouldBe(await ReadAsync(Obj("plain-dst")), Concat(parts));
        (await Store.GetLengthAsync(Obj("composite-src"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_OfAPlainObject_OverAComposite_ReplacesIt()
    {
        await PutPartsAsync(Obj("composite-dst"), 100, 200);
        await ComposeAsync(Obj("composite-dst"), 1, 2);
        var plain = Bytes(33, 4);
        await PutAsync(Obj("plain-src"), plain);

        (await Store.MoveAsync(Obj("plain-src"), Obj("composite-dst"), false, Ct)).ShouldBeTrue();

        BytesShouldBe(await ReadAsync(Obj("composite-dst")), plain);
        (await Store.GetLengthAsync(Obj("plain-src"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_OfAComposite_OverAnotherComposite_ReplacesIt()
    {
        var parts = await PutPartsAsync(Obj("c1"), 10, 20);
        await ComposeAsync(Obj("c1"), 1, 2);
        await PutPartsAsync(Obj("c2"), 30, 40, 50);
        await ComposeAsync(Obj("c2"), 1, 2, 3);

        (await Store.MoveAsync(Obj("c1"), Obj("c2"), true, Ct)).ShouldBeTrue();

        BytesShouldBe(await ReadAsync(Obj("c2")), Concat(parts));
        (await Store.GetLengthAsync(Obj("c1"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_OfACompositeOntoItself_KeepsIt()
    {
        var parts = await PutPartsAsync(Obj("self"), 10, 20);
        await ComposeAsync(Obj("self"), 1, 2);

        (await Store.MoveAsync(Obj("self"), Obj("self"), true, Ct)).ShouldBeTrue();

        BytesShouldBe(await ReadAsync(Obj("self")), Concat(parts));
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
