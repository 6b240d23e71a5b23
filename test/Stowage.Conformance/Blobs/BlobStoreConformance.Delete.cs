namespace Stowage.Conformance.Blobs;

// IBlobStore.DeleteAsync.
public abstract partial class BlobStoreConformance
{
    [Fact]
    public async Task Delete_RemovesTheObject_AndReturnsTrue()
    {
        await PutAsync(Obj("doomed"), Bytes(10, 1));

        (await Store.DeleteAsync(Obj("doomed"), Ct)).ShouldBeTrue();

        (await Store.GetLengthAsync(Obj("doomed"), Ct)).ShouldBeNull();
        (await Store.OpenReadAsync(Obj("doomed"), 0, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Delete_ReturnsFalse_WhenTheObjectDoesNotExist()
    {
        (await Store.DeleteAsync(Obj("never"), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_IsIdempotent_ReturningFalseTheSecondTime()
    {
        await PutAsync(Obj("twice"), Bytes(10, 1));

        (await Store.DeleteAsync(Obj("twice"), Ct)).ShouldBeTrue();
        (await Store.DeleteAsync(Obj("twice"), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_LeavesOtherObjects()
    {
        var data = Bytes(10, 1);
        await PutAsync(Obj("a"), data);
        await PutAsync(Obj("a/b"), Bytes(10, 2));

        await Store.DeleteAsync(Obj("a/b"), Ct);

        (await ReadAsync(Obj("a"))).ShouldBe(data);
    }
}
