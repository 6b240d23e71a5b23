namespace Stowage.Conformance.Blobs;

// IBlobStore.MoveAsync.
public abstract partial class BlobStoreConformance
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Move_RenamesTheObject_KeepingItsBytes(bool durable)
    {
        var data = Bytes(5000, 1);
        await WriteAsync(Obj("sessions/1/a.raw"), 0, data);

        (await Store.MoveAsync(Obj("sessions/1/a.raw"), Obj("projects/p/a.raw"), durable, Ct)).ShouldBeTrue();

        (await ReadAsync(Obj("projects/p/a.raw"))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj("sessions/1/a.raw"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_ReplacesTheTarget_WhenItExists()
    {
        var data = Bytes(100, 1);
        await PutAsync(Obj("from"), data);
        await PutAsync(Obj("to"), Bytes(9000, 2));

        (await Store.MoveAsync(Obj("from"), Obj("to"), true, Ct)).ShouldBeTrue();

        (await ReadAsync(Obj("to"))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj("from"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_ReturnsFalse_AndLeavesTheTarget_WhenTheSourceIsMissing()
    {
        var data = Bytes(100, 1);
        await PutAsync(Obj("target"), data);

        (await Store.MoveAsync(Obj("nothing"), Obj("target"), true, Ct)).ShouldBeFalse();

        (await ReadAsync(Obj("target"))).ShouldBe(data);
    }

    [Fact]
    public async Task Move_ReturnsFalse_WhenNeitherExists()
    {
        (await Store.MoveAsync(Obj("nothing"), Obj("nowhere"), true, Ct)).ShouldBeFalse();

        (await Store.GetLengthAsync(Obj("nowhere"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_WorksAcrossBuckets()
    {
        var data = Bytes(100, 1);
        await PutAsync(Obj("key"), data);

        (await Store.MoveAsync(Obj("key"), Obj("key", OtherBucket), true, Ct)).ShouldBeTrue();

        (await ReadAsync(Obj("key", OtherBucket))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj("key"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Move_ReturnsFalse_WhenTheSourceWasAlreadyMoved()
    {
        await PutAsync(Obj("once"), Bytes(10, 1));
        await Store.MoveAsync(Obj("once"), Obj("moved"), true, Ct);

        (await Store.MoveAsync(Obj("once"), Obj("moved"), true, Ct)).ShouldBeFalse();

        (await Store.GetLengthAsync(Obj("moved"), Ct)).ShouldBe(10);
    }

    [Fact]
    public async Task Move_OntoItself_KeepsTheObject()
    {
        // A store that copies then deletes the source would lose the object here.
        var data = Bytes(100, 1);
        await PutAsync(Obj("self"), data);

        (await Store.MoveAsync(Obj("self"), Obj("self"), true, Ct)).ShouldBeTrue();

        (await ReadAsync(Obj("self"))).ShouldBe(data);
    }
}
