using Stowage.Core.Processing;

namespace Stowage.Processing.Tests.Archives;

/// <summary>Reads a whole archive the way the project job does: one pass, data of file entries only.</summary>
internal static class ArchiveContents
{
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static List<(ArchiveEntry Entry, byte[]? Data)> ReadAll(IArchiveFormat format, string path)
    {
        var entries = new List<(ArchiveEntry, byte[]?)>();
        using var reader = format.Open(File.OpenRead(path));
        while (reader.MoveNext())
        {
            var entry = reader.Current;
            entries.Add((entry, entry.Type == ArchiveEntryType.File ? ReadCurrent(reader) : null));
        }

        reader.MoveNext().ShouldBeFalse();
        return entries;
    }

    public static byte[] ReadCurrent(IArchiveReader reader)
    {
        using var data = reader.OpenCurrent();
        using var copy = new MemoryStream();
        data.CopyTo(copy, 7); // a tiny buffer exercises partial reads
        return copy.ToArray();
    }

    /// <summary>Copies a file and overwrites the bytes at <paramref name="offset"/> with their complement.</summary>
    public static string Corrupt(string source, string destination, int offset, int count)
    {
        var bytes = File.ReadAllBytes(source);
        for (var i = offset; i < offset + count; i++)
        {
            bytes[i] = (byte)~bytes[i];
        }

        File.WriteAllBytes(destination, bytes);
        return destination;
    }
}
