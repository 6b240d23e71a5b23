using System.Text;
using Stowage.Core.Processing;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

/// <summary>RAR 4.x through libarchive, against the stored-entry fixture written by Fixtures/make_rar.py.</summary>
public sealed class RarTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Open_ReportsFilesDirectoriesAndTheirDataInOrder()
    {
        var entries = ArchiveContents.ReadAll(new LibArchiveFormat(), ArchiveContents.FixturePath("sample.rar"));

        entries.Select(e => e.Entry).ShouldBe(
        [
            new ArchiveEntry("hello.txt", ArchiveEntryType.File, 10),
            new ArchiveEntry("docs", ArchiveEntryType.Directory, 0),
            new ArchiveEntry("docs/deep", ArchiveEntryType.Directory, 0),
            new ArchiveEntry("docs/deep/n.txt", ArchiveEntryType.File, 8),
            new ArchiveEntry("empty.txt", ArchiveEntryType.File, 0),
            new ArchiveEntry("../evil.txt", ArchiveEntryType.File, 4),
            new ArchiveEntry("/etc/abs.txt", ArchiveEntryType.File, 4),
            new ArchiveEntry("link", ArchiveEntryType.Other, 0),
        ]);
        Text(entries[0].Data).ShouldBe("hello rar\n");
        Text(entries[3].Data).ShouldBe("deep rar");
        Text(entries[4].Data).ShouldBe("");
        Text(entries[5].Data).ShouldBe("evil");
    }

    // No data-CRC test: libarchive 3.6 skips the CRC of stored RAR 4 entries (see LibArchiveReader's remarks).
    [Fact]
    public void MoveNext_Throws_WhenAHeaderFailsItsCrc()
    {
        var source = ArchiveContents.FixturePath("sample.rar");
        var path = ArchiveContents.Corrupt(source, _temp.File("header.rar"), IndexOf(source, "docs/deep/n.txt"), 1);

        Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(new LibArchiveFormat(), path));
    }

    [Fact]
    public void Reading_Throws_WhenTheArchiveEndsInsideAnEntrysData()
    {
        var bytes = File.ReadAllBytes(ArchiveContents.FixturePath("sample.rar"));
        var path = _temp.File("truncated.rar");
        File.WriteAllBytes(path, bytes[..(IndexOf(ArchiveContents.FixturePath("sample.rar"), "deep rar") + 3)]);

        Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(new LibArchiveFormat(), path));
    }

    public void Dispose() => _temp.Dispose();

    private static string? Text(byte[]? data) => data is null ? null : Encoding.UTF8.GetString(data);

    private static int IndexOf(string path, string text)
    {
        var index = File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));
        index.ShouldBeGreaterThan(0);
        return index;
    }
}
