using System.Text;

namespace Stowage.Storage.FileSystem.Tests;

public sealed class CompositeManifestTests
{
    private static CompositeManifest Manifest(params long[] lengths) =>
        new("id-1", "upload-1", [.. lengths.Select((length, i) => ($"{i + 1}", length))]);

    [Fact]
    public void Parse_ReadsBackWhatToBytesWrote()
    {
        var manifest = Manifest(5, 0, 3, 10_000_000_000);

        var parsed = CompositeManifest.Parse(manifest.ToBytes(), "m");

        parsed.Id.ShouldBe("id-1");
        parsed.Upload.ShouldBe("upload-1");
        parsed.Length.ShouldBe(10_000_000_008);
        parsed.Parts.ShouldBe(manifest.Parts);
    }

    [Fact]
    public void IndexAt_FindsThePartHoldingEachByte_SkippingEmptyParts()
    {
        var manifest = Manifest(0, 5, 0, 0, 3, 0);

        Enumerable.Range(0, 8).Select(p => manifest.IndexAt(p)).ShouldBe([1, 1, 1, 1, 1, 4, 4, 4]);
        manifest.StartOf(4).ShouldBe(5);
    }

    [Theory]
    [InlineData("stowage-composite 1\nid a\nupload u\nlength 4\npart 1 3\n")]
    [InlineData("stowage-composite 2\nid a\nupload u\nlength 3\npart 1 3\n")]
    [InlineData("stowage-composite 1\nid a\nupload u\nlength 3\npart 1 3")]
    [InlineData("stowage-composite 1\nid a\nlength 3\npart 1 3\n")]
    [InlineData("stowage-composite 1\nid a\nupload u\nlength 3\npart manifest 3\n")]
    [InlineData("stowage-composite 1\nid a\nupload u\nlength 3\npart ../1 3\n")]
    [InlineData("stowage-composite 1\nid a\nupload u\nlength 3\npart 1 -3\n")]
    [InlineData("stowage-composite 1\nid a\nupload u\nlength 3\npart 1 3 extra\n")]
    [InlineData("")]
    public void Parse_RefusesAnythingButAWellFormedManifest(string text)
    {
        Should.Throw<IOException>(() => CompositeManifest.Parse(Encoding.UTF8.GetBytes(text), "m"));
    }
}
