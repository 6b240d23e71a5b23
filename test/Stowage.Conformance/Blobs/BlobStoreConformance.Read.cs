namespace Stowage.Conformance.Blobs;

// IBlobStore.OpenReadAsync and GetLengthAsync.
public abstract partial class BlobStoreConformance
{
    [Fact]
    public async Task OpenRead_ReturnsNull_WhenTheObjectDoesNotExist()
    {
        (await Store.OpenReadAsync(Obj("missing"), 0, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task OpenRead_StartsAtTheOffset()
    {
        var data = Bytes(1000, 1);
        await PutAsync(Obj("offset"), data);

        (await ReadAsync(Obj("offset"), 250)).ShouldBe(data[250..]);
    }

    [Fact]
    public async Task OpenRead_ReturnsNoBytes_WhenTheOffsetIsTheLength()
    {
        await PutAsync(Obj("end"), Bytes(1000, 1));

        (await ReadAsync(Obj("end"), 1000)).ShouldBe([]);
    }

    [Fact]
    public async Task GetLength_ReturnsNull_WhenTheObjectDoesNotExist()
    {
        (await Store.GetLengthAsync(Obj("missing"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetLength_ReturnsTheByteCount()
    {
        await WriteAsync(Obj("length"), Bytes(1234, 1));

        (await Store.GetLengthAsync(Obj("length"), Ct)).ShouldBe(1234);
    }
}
