using System.Globalization;
using System.Text;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// The <c>manifest</c> file of a composite object: which files of its directory make up the object, in
/// order, and their lengths. Text, so an operator can read it:
/// <code>
/// stowage-composite 1
/// id 6f1c…            (unique per composition: tells two composites at one path apart)
/// upload 9a0e…        (the name of the upload's part directory: recognizes a repeated compose of it)
/// length 10485860     (the object's length, the sum of the parts')
/// part 1 5242880      (file name, length), in object order
/// part 2 5242880
/// part 3 100
/// </code>
/// A composite never changes once installed, so the lengths stay true for its lifetime.
/// </summary>
internal sealed class CompositeManifest
{
    public const string FileName = "manifest";

    /// <summary>10,000 parts (S3's limit) take ~300 KB; anything much larger is not a manifest this store wrote.</summary>
    public const int MaxBytes = 1 << 20;

    private const string Header = "stowage-composite 1";

    /// <summary>The header, id, upload and length lines before the parts.</summary>
    private const int HeaderLines = 4;

    private readonly long[] _starts;

    public CompositeManifest(string id, string upload, IReadOnlyList<(string Name, long Length)> parts)
    {
        Id = id;
        Upload = upload;
        Parts = parts;
        _starts = new long[parts.Count];
        long start = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(parts[i].Length);
            _starts[i] = start;
            start = checked(start + parts[i].Length);
        }

        Length = start;
    }

    public string Id { get; }

    public string Upload { get; }

    public IReadOnlyList<(string Name, long Length)> Parts { get; }

    public long Length { get; }

    /// <summary>Where part <paramref name="index"/> starts in the object.</summary>
    public long StartOf(int index) => _starts[index];

    /// <summary>
    /// The part holding byte <paramref name="position"/> (0 &lt;= position &lt; Length): the last part starting at
    /// or before it, which is never an empty one (an empty part starts where the next one does).
    /// </summary>
    public int IndexAt(long position)
    {
        var found = Array.BinarySearch(_starts, position);
        var index = found >= 0 ? found : ~found - 1;
        while (index + 1 < _starts.Length && _starts[index + 1] == position)
        {
            index++;
        }

        return index;
    }

    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"id {Id}\n");
        text.Append(CultureInfo.InvariantCulture, $"upload {Upload}\n");
        text.Append(CultureInfo.InvariantCulture, $"length {Length}\n");
        foreach (var (name, length) in Parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"part {name} {length}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Parses a manifest; IOException when it is not one this store wrote (never trust a half-read file).</summary>
    public static CompositeManifest Parse(ReadOnlySpan<byte> bytes, string path)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        if (lines.Length < HeaderLines + 1 || lines[0] != Header || lines[^1].Length != 0
            || !lines[1].StartsWith("id ", StringComparison.Ordinal)
            || !lines[2].StartsWith("upload ", StringComparison.Ordinal)
            || !TryParseField(lines[3], "length", out var length))
        {
            throw Corrupt(path);
        }

        var parts = new List<(string, long)>(lines.Length - HeaderLines - 1);
        foreach (var line in lines.AsSpan(HeaderLines, lines.Length - HeaderLines - 1))
        {
            var fields = line.Split(' ');
            if (fields.Length != 3 || fields[0] != "part" || !IsPartName(fields[1])
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var partLength))
            {
                throw Corrupt(path);
            }

            parts.Add((fields[1], partLength));
        }

        var manifest = new CompositeManifest(lines[1]["id ".Length..], lines[2]["upload ".Length..], parts);
        return manifest.Length == length ? manifest : throw Corrupt(path);
    }

    /// <summary>Part names are decimal part numbers, so a manifest can never name a path outside its directory.</summary>
    private static bool IsPartName(string name) => name.Length is > 0 and <= 10 && name.All(char.IsAsciiDigit);

    private static bool TryParseField(string line, string field, out long value)
    {
        value = 0;
        return line.StartsWith(field + " ", StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(field.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static IOException Corrupt(string path) => new($"The composite object's manifest at '{path}' is not valid.");
}
