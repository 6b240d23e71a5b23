namespace Stowage.Conformance.Blobs;

// Reading a composed object from any offset.
public abstract partial class BlobComposerConformance
{
    [Fact]
    public async Task Read_FromEveryOffset_ReturnsTheRestOfTheConcatenation()
    {
        var parts = await PutPartsAsync(Obj("ranged"), 7, 1, 13, 5);
        await ComposeAsync(Obj("ranged"), 1, 2, 3, 4);
        var whole = Concat(parts);

        // Every offset: inside every part, on every boundary (7, 8, 21), the last byte and the end.
        for (var offset = 0; offset <= whole.Length; offset++)
        {
            BytesShouldBe(await ReadAsync(Obj("ranged"), offset), whole[offset..]);
        }
    }

    [Fact]
    public async Task Read_InBuffersSmallerThanAPart_CrossesEveryBoundary()
    {
        var parts = await PutPartsAsync(Obj("small-reads"), 10, 3, 17);
        await ComposeAsync(Obj("small-reads"), 1, 2, 3);
        await using var stream = (await Store.OpenReadAsync(Obj("small-reads"), 2, Ct)).ShouldNotBeNull();
        var read = new List<byte>();
        var buffer = new byte[4];

        int n;
        while ((n = await stream.ReadAsync(buffer, Ct)) > 0)
        {
            n.ShouldBeLessThanOrEqualTo(4);
            read.AddRange(buffer[..n]);
        }

        BytesShouldBe([.. read], Concat(parts)[2..]);
    }

    [Fact]
    public async Task Read_OfMultiMegabyteParts_FromOffsetsNearTheBoundaries()
    {
        var parts = await PutPartsAsync(Obj("large"), (1 << 20) + 3, 2 << 20, 5);
        await ComposeAsync(Obj("large"), 1, 2, 3);
        var whole = Concat(parts);

        foreach (var offset in new[] { 1 << 20, (1 << 20) + 2, (1 << 20) + 3, (1 << 20) + 4, (3 << 20) + 2, (3 << 20) + 3, whole.Length - 1 })
        {
            BytesShouldBe(await ReadAsync(Obj("large"), offset), whole[offset..]);
        }
    }
}
