using System.Text;
using Stowage.Core.Processing;
using Stowage.Processing.Archives;

namespace Stowage.Processing.Tests.Archives;

public sealed class LibArchiveFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LibArchiveFormat _format = new();

    [Fact]
    public void Extensions_Are7zAndRar() => _format.Extensions.ShouldBe(["7z", "rar"]);

    [Fact]
    public void Open_Throws_WhenTheArchiveDoesNotExist() =>
        Should.Throw<FileNotFoundException>(() => _format.Open(_temp.File("missing.7z")));

    [Fact]
    public void Open_Throws_WhenTheFileIsNeitherFormat()
    {
        var path = _temp.File("plain.7z");
        File.WriteAllText(path, "just some text, not an archive");

        var error = Should.Throw<InvalidDataException>(() => ArchiveContents.ReadAll(_format, path));

        error.Message.ShouldContain("libarchive");
    }

    [Fact]
    public void Reading_Throws_WhenTheReaderMovedPastTheEntry()
    {
        using var reader = _format.Open(ArchiveContents.FixturePath("sample.7z"));
        reader.MoveNext().ShouldBeTrue();
        using var stale = reader.OpenCurrent();
        reader.MoveNext().ShouldBeTrue();

        Should.Throw<InvalidOperationException>(() => stale.ReadByte());
    }

    [Fact]
    public void Reading_StopsAtTheEntrysEnd_WithBuffersLargerThanTheEntry()
    {
        using var reader = _format.Open(ArchiveContents.FixturePath("sample.rar"));
        reader.MoveNext().ShouldBeTrue();
        using var data = reader.OpenCurrent();
        var buffer = new byte[4096];

        var read = data.Read(buffer);

        Encoding.ASCII.GetString(buffer, 0, read).ShouldBe("hello rar\n");
        data.Read(buffer).ShouldBe(0);
    }

    [Theory]
    [InlineData("sample.7z")]
    [InlineData("sample.rar")]
    public void PackedBytesConsumed_NeverDecreasesWhileEntriesAreRead_AndStaysWithinTheFile(string fixture)
    {
        var path = ArchiveContents.FixturePath(fixture);
        using var reader = _format.Open(path);
        long previous = 0;
        while (reader.MoveNext())
        {
            if (reader.Current.Type == ArchiveEntryType.File)
            {
                using var data = reader.OpenCurrent();
                data.CopyTo(Stream.Null);
            }

            reader.PackedBytesConsumed.ShouldBeGreaterThanOrEqualTo(previous);
            previous = reader.PackedBytesConsumed;
        }

        reader.PackedBytesConsumed.ShouldBeGreaterThan(0);
        reader.PackedBytesConsumed.ShouldBeLessThanOrEqualTo(new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("sample.7z")]
    [InlineData("sample.rar")]
    public void Open_ReadsFromAnySeekableStream_NotOnlyAFile(string fixture)
    {
        var fromFile = ReadFixture(fixture);
        using var memory = new MemoryStream(File.ReadAllBytes(ArchiveContents.FixturePath(fixture)));

        using var reader = _format.Open(memory);
        var fromMemory = new Dictionary<string, ArchiveEntryType>(StringComparer.Ordinal);
        while (reader.MoveNext())
        {
            fromMemory[reader.Current.Name] = reader.Current.Type;
            if (reader.Current.Type == ArchiveEntryType.File)
            {
                ArchiveContents.ReadCurrent(reader);
            }
        }

        fromMemory.ShouldBe(fromFile.ToDictionary(e => e.Key, e => e.Value.Type), ignoreOrder: true);
    }

    [Fact]
    public void Open_ReportsTheStoresOwnFailure_NotACorruptArchive()
    {
        var bytes = File.ReadAllBytes(ArchiveContents.FixturePath("sample.7z"));
        var failing = new FailingAfterStream(bytes, failAfter: 64);

        var error = Should.Throw<IOException>(() =>
        {
            using var reader = _format.Open(failing);
            while (reader.MoveNext())
            {
            }
        });

        error.InnerException.ShouldBeOfType<TimeoutException>();
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A seekable stream over bytes whose reads fail once they pass <paramref name="failAfter"/>: a store going away.</summary>
    private sealed class FailingAfterStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) =>
            Position + buffer.Length > failAfter && Position < Length ? throw new TimeoutException("the store stopped answering") : base.Read(buffer);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    }

    internal static Dictionary<string, (ArchiveEntryType Type, string? Text)> ReadFixture(string name) =>
        ArchiveContents.ReadAll(new LibArchiveFormat(), ArchiveContents.FixturePath(name))
            .ToDictionary(e => e.Entry.Name, e => (e.Entry.Type, e.Data is null ? null : Encoding.UTF8.GetString(e.Data)));
}
