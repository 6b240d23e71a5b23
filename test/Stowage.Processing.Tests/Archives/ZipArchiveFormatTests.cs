using System.IO.Compression;
using System.Text;
using Stowage.Core.Processing;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

public sealed class ZipArchiveFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ZipArchiveFormat _format = new();

    [Fact]
    public void Extensions_AreZip() => _format.Extensions.ShouldBe(["zip"]);

    [Fact]
    public void Open_ReportsFilesNestedFilesAndEmptyFilesWithTheirData()
    {
        var big = new byte[300_000];
        Random.Shared.NextBytes(big);
        var path = WriteZip(zip =>
        {
            AddFile(zip, "a.txt", "alpha"u8.ToArray());
            AddFile(zip, "dir/sub/big.bin", big);
            AddFile(zip, "empty.txt", []);
        });

        var entries = ArchiveContents.ReadAll(_format, path);

        entries.Select(e => e.Entry).ShouldBe(
        [
            new ArchiveEntry("a.txt", ArchiveEntryType.File, 5),
            new ArchiveEntry("dir/sub/big.bin", ArchiveEntryType.File, big.Length),
            new ArchiveEntry("empty.txt", ArchiveEntryType.File, 0),
        ]);
        entries[0].Data.ShouldBe("alpha"u8.ToArray());
        entries[1].Data.AsSpan().SequenceEqual(big).ShouldBeTrue("the data differs");
        entries[2].Data.ShouldBeEmpty();
    }

    [Fact]
    public void PackedBytesConsumed_GrowsWithEachEntry_AndStaysWithinTheFile()
    {
        var big = new byte[300_000];
        Random.Shared.NextBytes(big);
        var path = WriteZip(zip =>
        {
            AddFile(zip, "a.bin", big);
            AddFile(zip, "b.bin", big);
        });
        using var reader = _format.Open(path);

        reader.PackedBytesConsumed.ShouldBe(0);
        reader.MoveNext().ShouldBeTrue();
        reader.MoveNext().ShouldBeTrue();
        var afterFirst = reader.PackedBytesConsumed;
        reader.MoveNext().ShouldBeFalse();

        afterFirst.ShouldBeGreaterThanOrEqualTo(big.Length); // random data does not compress
        reader.PackedBytesConsumed.ShouldBeGreaterThan(afterFirst);
        reader.PackedBytesConsumed.ShouldBeLessThanOrEqualTo(new FileInfo(path).Length);
    }

    [Fact]
    public void Open_ReportsDirectoryEntriesAsStored()
    {
        var path = WriteZip(zip =>
        {
            zip.CreateEntry("dir/");
            zip.CreateEntry("dir/sub/");
            AddFile(zip, "dir/sub/f.txt", "f"u8.ToArray());
        });

        var entries = ArchiveContents.ReadAll(_format, path).Select(e => (e.Entry.Name, e.Entry.Type));

        entries.ShouldBe([("dir/", ArchiveEntryType.Directory), ("dir/sub/", ArchiveEntryType.Directory), ("dir/sub/f.txt", ArchiveEntryType.File)]);
    }

    [Fact]
    public void Open_ReportsTraversalAndAbsoluteNamesRaw()
    {
        var path = WriteZip(zip =>
        {
            AddFile(zip, "../evil.txt", "evil"u8.ToArray());
            AddFile(zip, "/etc/x", "x"u8.ToArray());
            AddFile(zip, "a/../../b", "b"u8.ToArray());
        });

        var names = ArchiveContents.ReadAll(_format, path).Select(e => e.Entry.Name);

        names.ShouldBe(["../evil.txt", "/etc/x", "a/../../b"]);
    }

    [Fact]
    public void Open_ReportsSymlinkEntriesAsOther()
    {
        var path = WriteZip(zip =>
        {
            var link = zip.CreateEntry("link");
            link.ExternalAttributes = unchecked((int)0xA1FF_0000); // S_IFLNK | 0777, as Info-ZIP stores it
            using (var target = link.Open())
            {
                target.Write("/etc/passwd"u8);
            }

            var file = zip.CreateEntry("file");
            file.ExternalAttributes = unchecked((int)0x81A4_0000); // S_IFREG | 0644
        });

        var entries = ArchiveContents.ReadAll(_format, path).Select(e => (e.Entry.Name, e.Entry.Type));

        entries.ShouldBe([("link", ArchiveEntryType.Other), ("file", ArchiveEntryType.File)]);
    }

    [Fact]
    public void Open_Throws_WhenTheFileIsNotAZip()
    {
        var path = _temp.File("not.zip");
        File.WriteAllText(path, "this is not a zip archive at all");

        Should.Throw<InvalidDataException>(() => _format.Open(path));
    }

    [Fact]
    public void Open_Throws_WhenTheCentralDirectoryIsCutOff()
    {
        var path = WriteZip(zip => AddFile(zip, "a.txt", new byte[1000]));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 30)]);

        Should.Throw<InvalidDataException>(() => _format.Open(path));
    }

    [Fact]
    public void Reading_Throws_WhenCompressedDataIsCorrupt()
    {
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i}\n")));
        var path = WriteZip(zip => AddFile(zip, "a.txt", text));
        var dataStart = 30 + "a.txt".Length; // local file header (APPNOTE.TXT 4.3.7) without extra field
        ArchiveContents.Corrupt(path, path, dataStart + 10, 40);

        Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(_format, path));
    }

    [Fact]
    public void Reading_Throws_WhenStoredDataFailsItsCrc()
    {
        var path = WriteZip(zip =>
        {
            using var stream = zip.CreateEntry("a.txt", CompressionLevel.NoCompression).Open();
            stream.Write("stored bytes"u8);
        });
        ArchiveContents.Corrupt(path, path, 30 + "a.txt".Length + 2, 1);

        Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(_format, path));
    }

    public void Dispose() => _temp.Dispose();

    private static void AddFile(ZipArchive zip, string name, byte[] data)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(data);
    }

    private string WriteZip(Action<ZipArchive> build)
    {
        var path = _temp.File(Guid.NewGuid().ToString("N") + ".zip");
        using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
        {
            build(zip);
        }

        return path;
    }
}
