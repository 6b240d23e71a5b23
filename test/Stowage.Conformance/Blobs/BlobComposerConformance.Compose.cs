namespace Stowage.Conformance.Blobs;

// IBlobComposer.ComposeAsync: the composed bytes.
public abstract partial class BlobComposerConformance
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Compose_OnePart_MakesTheObjectThatPart(bool durable)
    {
        var parts = await PutPartsAsync(Obj("one"), 5000);

        await Composer.ComposeAsync(Obj("one"), Upload, [1], durable, Ct);

        BytesShouldBe(await ReadAsync(Obj("one")), parts[0]);
        (await Store.GetLengthAsync(Obj("one"), Ct)).ShouldBe(5000);
    }

    [Fact]
    public async Task Compose_ThreeParts_MakesTheirConcatenation()
    {
        var parts = await PutPartsAsync(Obj("three"), 3 << 20, 1 << 20, 777);

        await ComposeAsync(Obj("three"), 1, 2, 3);

        BytesShouldBe(await ReadAsync(Obj("three")), Concat(parts));
        (await Store.GetLengthAsync(Obj("three"), Ct)).ShouldBe((4 << 20) + 777);
    }

    [Fact]
    public async Task Compose_AThousandSmallParts_MakesTheirExactConcatenation()
    {
        var sizes = Enumerable.Range(0, 1000).Select(i => 1 + (i * 37 % 200)).ToArray();
        var parts = await PutPartsAsync(Obj("thousand"), sizes);

        await ComposeAsync(Obj("thousand"), [.. Enumerable.Range(1, 1000)]);

        BytesShouldBe(await ReadAsync(Obj("thousand")), Concat(parts));
        (await Store.GetLengthAsync(Obj("thousand"), Ct)).ShouldBe(sizes.Sum());
    }

    [Fact]
    public async Task Compose_UsesOnlyTheListedParts_InTheOrderGiven()
    {
        var parts = await PutPartsAsync(Obj("subset"), 100, 200, 300, 400, 500);

        await ComposeAsync(Obj("subset"), 4, 2, 5);

        BytesShouldBe(await ReadAsync(Obj("subset")), Concat([parts[3], parts[1], parts[4]]));
    }

    [Fact]
    public async Task Compose_DeletesTheUnlistedParts_AndConsumesTheListedOnes()
    {
        await PutPartsAsync(Obj("consumed"), 10, 20, 30);

        await ComposeAsync(Obj("consumed"), 1, 3);

        await Should.ThrowAsync<FileNotFoundException>(() => ComposeAsync(Obj("consumed"), 2));
        await Should.ThrowAsync<FileNotFoundException>(() => ComposeAsync(Obj("consumed"), 1));
        (await Store.GetLengthAsync(Obj("consumed"), Ct)).ShouldBe(40);
    }

    [Fact]
    public async Task Compose_KeepsAnEmptyLastPart()
    {
        var parts = await PutPartsAsync(Obj("empty-last"), 300, 0);

        await ComposeAsync(Obj("empty-last"), 1, 2);

        BytesShouldBe(await ReadAsync(Obj("empty-last")), parts[0]);
        (await Store.GetLengthAsync(Obj("empty-last"), Ct)).ShouldBe(300);
    }

    [Fact]
    public async Task Compose_OfOneEmptyPart_MakesAnEmptyObject()
    {
        await PutPartsAsync(Obj("empty"), 0);

        await ComposeAsync(Obj("empty"), 1);

        (await ReadAsync(Obj("empty"))).ShouldBe([]);
        (await Store.GetLengthAsync(Obj("empty"), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Compose_Throws_WhenAListedPartIsMissing_AndLeavesTheTargetAndThePartsAsTheyWere()
    {
        var old = Bytes(1234, 7);
        await PutAsync(Obj("missing"), old);
        var parts = await PutPartsAsync(Obj("missing"), 100, 200);

        await Should.ThrowAsync<FileNotFoundException>(() => ComposeAsync(Obj("missing"), 1, 2, 3));

        BytesShouldBe(await ReadAsync(Obj("missing")), old);
        await ComposeAsync(Obj("missing"), 1, 2);
        BytesShouldBe(await ReadAsync(Obj("missing")), Concat(parts));
    }

    [Fact]
    public async Task Compose_Throws_WhenTheUploadHasNoParts_AndCreatesNothing()
    {
        await Should.ThrowAsync<FileNotFoundException>(() => ComposeAsync(Obj("nothing"), 1));

        (await Store.GetLengthAsync(Obj("nothing"), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Parts_AreInvisibleToReadersOfTheTarget_UntilComposed()
    {
        await PutPartsAsync(Obj("invisible"), 100);

        (await Store.GetLengthAsync(Obj("invisible"), Ct)).ShouldBeNull();
        (await ReadAsync(Obj("invisible"))).ShouldBeNull();
    }

    [Fact]
    public async Task Uploads_OfOneTarget_KeepTheirPartsApart()
    {
        var first = Bytes(100, 1);
        var second = Bytes(200, 2);
        await PutPartAsync(Obj("two-uploads"), 1, first, "upload-a");
        await PutPartAsync(Obj("two-uploads"), 1, second, "upload-b");

        await Composer.ComposeAsync(Obj("two-uploads"), "upload-b", [1], true, Ct);
        BytesShouldBe(await ReadAsync(Obj("two-uploads")), second);

        await Composer.ComposeAsync(Obj("two-uploads"), "upload-a", [1], true, Ct);
        BytesShouldBe(await ReadAsync(Obj("two-uploads")), first);
    }

    [Fact]
    public async Task Uploads_WithTheSameIdForAnotherKey_KeepTheirPartsApart()
    {
        var mine = Bytes(100, 1);
        await PutPartAsync(Obj("key-a"), 1, mine);
        await PutPartAsync(Obj("key-b"), 1, Bytes(50, 2));

        await ComposeAsync(Obj("key-a"), 1);

        BytesShouldBe(await ReadAsync(Obj("key-a")), mine);
        (await Store.GetLengthAsync(Obj("key-b"), Ct)).ShouldBeNull();
    }
}
