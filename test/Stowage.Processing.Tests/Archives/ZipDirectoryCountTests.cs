using System.IO.Compression;
using Stowage.Core.Processing;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

public sealed class ZipDirectoryCountTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Read_ReturnsTheDeclaredCount_OfAPlainZip()
    {
        var path = WriteZip(30);
        using var file = File.OpenRead(path);

        ZipDirectoryCount.Read(file).ShouldBe(30);
        file.Position.ShouldBe(0);
    }

    [Fact]
    public void Read_FollowsTheZip64Record_WhenTheCountDoesNotFitSixteenBits()
    {
        var path = WriteZip(70_000); // the BCL writes ZIP64 end records past 65,534 entries
        using var file = File.OpenRead(path);

        ZipDirectoryCount.Read(file).ShouldBe(70_000);
    }

    [Fact]
    public void Read_ReturnsNull_WhenThereIsNoEndRecord()
    {
        var path = _temp.File("plain.zip");
        File.WriteAllText(path, new string('x', 500));
        using var file = File.OpenRead(path);

        ZipDirectoryCount.Read(file).ShouldBeNull();
    }

    [Fact]
    public void Open_RefusesBeforeLoadingTheDirectory_WhenTheZipDeclaresTooManyEntries()
    {
        var path = WriteZip(30);

        var refused = Should.Throw<ArchiveTooManyEntriesException>(() => new ZipArchiveFormat(maxEntries: 10).Open(path));

        refused.Declared.ShouldBe(30);
        refused.Limit.ShouldBe(10);
    }

    [Fact]
    public void Open_ReadsEveryEntry_WhenTheCountIsWithinTheLimit()
    {
        var path = WriteZip(30);

        ArchiveContents.ReadAll(new ZipArchiveFormat(maxEntries: 30), path).Count.ShouldBe(30);
    }

    public void Dispose() => _temp.Dispose();

    private string WriteZip(int entries)
    {
        var path = _temp.File(Guid.NewGuid().ToString("N") + ".zip");
        using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
        {
            for (var i = 0; i < entries; i++)
            {
                zip.CreateEntry($"e{i}.txt", CompressionLevel.NoCompression);
            }
        }

        return path;
    }
}
