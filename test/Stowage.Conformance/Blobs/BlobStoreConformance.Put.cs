namespace Stowage.Conformance.Blobs;

// IBlobStore.PutAsync.
public abstract partial class BlobStoreConformance
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Put_StoresTheWholeObject(bool durable)
    {
        var data = Bytes(3 << 20, 1);

        await PutAsync(Obj("put"), data, durable);

        BytesShouldBe(await ReadAsync(Obj("put")), data);
        (await Store.GetLengthAsync(Obj("put"), Ct)).ShouldBe(data.Length);
    }

    [Fact]
    public async Task Put_StoresAnEmptyObject()
    {
        await PutAsync(Obj("empty"), []);

        (await Store.GetLengthAsync(Obj("empty"), Ct)).ShouldBe(0);
        (await ReadAsync(Obj("empty"))).ShouldBe([]);
    }

    [Fact]
    public async Task Put_ReplacesTheWholeObject_WhenTheNewOneIsShorter()
    {
        await PutAsync(Obj("replace"), Bytes(5000, 1));
        var shorter = Bytes(10, 2);

        await PutAsync(Obj("replace"), shorter);

        (await ReadAsync(Obj("replace"))).ShouldBe(shorter);
    }

    [Fact]
    public async Task Put_ShowsReadersTheOldObject_UntilTheNewOneIsComplete()
    {
        var old = Bytes(2000, 1);
        var replacement = Bytes(6000, 2);
        await PutAsync(Obj("atomic"), old);
        await using var content = new GatedStream(replacement, gateAt: 3000);

        var put = Store.PutAsync(Obj("atomic"), content, true, Ct);
        await content.ReachedGate.WaitAsync(TimeSpan.FromSeconds(30));

        (await ReadAsync(Obj("atomic"))).ShouldBe(old);
        (await Store.GetLengthAsync(Obj("atomic"), Ct)).ShouldBe(old.Length);

        content.Open();
        await put;
        (await ReadAsync(Obj("atomic"))).ShouldBe(replacement);
    }

    [Fact]
    public async Task Put_KeepsTheOldObject_WhenTheContentFailsHalfWay()
    {
        var old = Bytes(2000, 1);
        await PutAsync(Obj("failed"), old);
        await using var content = new GatedStream(Bytes(6000, 2), gateAt: 3000, failAtGate: true);

        await Should.ThrowAsync<IOException>(() => Store.PutAsync(Obj("failed"), content, true, Ct));

        (await ReadAsync(Obj("failed"))).ShouldBe(old);
    }

    [Fact]
    public async Task Put_CreatesNothing_WhenTheContentFailsHalfWay()
    {
        await using var content = new GatedStream(Bytes(6000, 2), gateAt: 3000, failAtGate: true);

        await Should.ThrowAsync<IOException>(() => Store.PutAsync(Obj("never"), content, true, Ct));

        (await Store.GetLengthAsync(Obj("never"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Put_KeepsAReaderThatOpenedTheOldObject_ReadingTheOldBytes()
    {
        var old = Bytes(2000, 1);
        await PutAsync(Obj("reader"), old);
        await using var reader = (await Store.OpenReadAsync(Obj("reader"), 0, Ct)).ShouldNotBeNull();

        await PutAsync(Obj("reader"), Bytes(3000, 2));

        (await ReadToEndAsync(reader)).ShouldBe(old);
    }
}
