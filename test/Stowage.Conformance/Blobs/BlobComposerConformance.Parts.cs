namespace Stowage.Conformance.Blobs;

// IBlobComposer.PutPartAsync and AbortAsync.
public abstract partial class BlobComposerConformance
{
    [Fact]
    public async Task PutPart_Again_ReplacesThePartOfThatNumber()
    {
        await PutPartAsync(Obj("re-put"), 1, Bytes(5000, 1));
        var replacement = Bytes(300, 2);

        await PutPartAsync(Obj("re-put"), 1, replacement);
        await ComposeAsync(Obj("re-put"), 1);

        BytesShouldBe(await ReadAsync(Obj("re-put")), replacement);
    }

    [Fact]
    public async Task PutPart_KeepsTheEarlierPart_WhenTheContentFailsHalfWay()
    {
        var earlier = Bytes(2000, 1);
        await PutPartAsync(Obj("failing"), 1, earlier);
        await using var content = new GatedStream(Bytes(6000, 2), gateAt: 3000, failAtGate: true);

        await Should.ThrowAsync<IOException>(() => Composer.PutPartAsync(Obj("failing"), Upload, 1, content, true, Ct));
        await ComposeAsync(Obj("failing"), 1);

        BytesShouldBe(await ReadAsync(Obj("failing")), earlier);
    }

    [Fact]
    public async Task PutPart_StoresNothing_WhenTheContentFailsHalfWay_AndThereWasNoEarlierPart()
    {
        await using var content = new GatedStream(Bytes(6000, 2), gateAt: 3000, failAtGate: true);

        await Should.ThrowAsync<IOException>(() => Composer.PutPartAsync(Obj("never"), Upload, 1, content, true, Ct));

        await Should.ThrowAsync<FileNotFoundException>(() => ComposeAsync(Obj("never"), 1));
        (await Store.GetLengthAsync(Obj("never"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Abort_DeletesEveryPart_AndIsIdempotent()
    {
        await PutPartsAsync(Obj("aborted"), 10, 20);

        await Composer.AbortAsync(Obj("aborted"), Upload, Ct);
        await Composer.AbortAsync(Obj("aborted"), Upload, Ct);

        await Should.ThrowAsync<FileNotFoundException>(() => ComposeAsync(Obj("aborted"), 1));
        (await Store.GetLengthAsync(Obj("aborted"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Abort_OfAnUnknownUpload_Succeeds()
    {
        await Composer.AbortAsync(Obj("unknown"), "never-started", Ct);
    }

    [Fact]
    public async Task Abort_LeavesTheTargetAndOtherUploads()
    {
        var existing = Bytes(100, 1);
        await PutAsync(Obj("abort-keeps"), existing);
        await PutPartAsync(Obj("abort-keeps"), 1, Bytes(10, 2), "doomed");
        var other = Bytes(20, 3);
        await PutPartAsync(Obj("abort-keeps"), 1, other, "kept");

        await Composer.AbortAsync(Obj("abort-keeps"), "doomed", Ct);

        BytesShouldBe(await ReadAsync(Obj("abort-keeps")), existing);
        await Composer.ComposeAsync(Obj("abort-keeps"), "kept", [1], true, Ct);
        BytesShouldBe(await ReadAsync(Obj("abort-keeps")), other);
    }
}
