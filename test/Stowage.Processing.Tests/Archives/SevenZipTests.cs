using Stowage.Core.Processing;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

/// <summary>7z through libarchive, against the fixtures of Fixtures/make-fixtures.sh.</summary>
public sealed class SevenZipTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Open_ReportsFilesDirectoriesAndTheirData()
    {
        var entries = LibArchiveFormatTests.ReadFixture("sample.7z");

        entries["hello.txt"].ShouldBe((ArchiveEntryType.File, "hello 7z\n"));
        entries["docs/deep/n.txt"].ShouldBe((ArchiveEntryType.File, "nested"));
        entries["empty.txt"].ShouldBe((ArchiveEntryType.File, ""));
        entries["docs/"].Type.ShouldBe(ArchiveEntryType.Directory);
        entries["docs/deep/"].Type.ShouldBe(ArchiveEntryType.Directory);
    }

    [Fact]
    public void Open_ReportsNonAsciiNamesAsUtf8() =>
        LibArchiveFormatTests.ReadFixture("sample.7z")["unicode/résumé.txt"].ShouldBe((ArchiveEntryType.File, "café"));

    [Fact]
    public void Open_ReportsSymlinksAsOther() =>
        LibArchiveFormatTests.ReadFixture("sample.7z")["link"].Type.ShouldBe(ArchiveEntryType.Other);

    [Fact]
    public void Open_ReportsDeclaredSizes()
    {
        using var reader = new LibArchiveFormat().Open(ArchiveContents.FixturePath("sample.7z"));
        reader.MoveNext().ShouldBeTrue();

        reader.Current.ShouldBe(new ArchiveEntry("hello.txt", ArchiveEntryType.File, 9));
    }

    [Fact]
    public void Open_ReportsTraversalAndAbsoluteNamesRaw()
    {
        var entries = LibArchiveFormatTests.ReadFixture("traversal.7z");

        entries.Keys.ShouldBe(["../evil.txt", "/etc/abs.txt"]);
        entries["../evil.txt"].ShouldBe((ArchiveEntryType.File, "evil"));
    }

    [Fact]
    public void Reading_Throws_WhenTheEntryIsEncrypted()
    {
        using var reader = new LibArchiveFormat().Open(ArchiveContents.FixturePath("encrypted.7z"));
        reader.MoveNext().ShouldBeTrue();

        var error = Should.Throw<InvalidDataException>(() => ArchiveContents.ReadCurrent(reader));

        error.Message.ShouldContain("encrypted");
    }

    [Fact]
    public void Open_Throws_WhenTheArchiveIsTruncated()
    {
        var bytes = File.ReadAllBytes(ArchiveContents.FixturePath("sample.7z"));
        var path = _temp.File("truncated.7z");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(new LibArchiveFormat(), path));
    }

    [Fact]
    public void Reading_Throws_WhenPackedDataIsCorrupt()
    {
        // The packed streams follow the 32-byte signature header (7zFormat.txt, "SignatureHeader").
        var path = ArchiveContents.Corrupt(ArchiveContents.FixturePath("sample.7z"), _temp.File("corrupt.7z"), 32, 8);

        Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(new LibArchiveFormat(), path));
    }

    public void Dispose() => _temp.Dispose();
}
