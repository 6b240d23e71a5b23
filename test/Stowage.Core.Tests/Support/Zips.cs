using System.IO.Compression;

namespace Stowage.Core.Tests.Support;

/// <summary>Builds .zip files in memory with entry names exactly as given (traversal included).</summary>
internal static class Zips
{
    /// <summary>A zip of the given entries; a name ending in '/' with null content is a directory entry.</summary>
    public static byte[] Of(params (string Name, byte[]? Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                if (content is not null)
                {
                    using var stream = entry.Open();
                    stream.Write(content);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A zip of one entry of <paramref name="size"/> zero bytes: tiny packed, huge unpacked.</summary>
    public static byte[] OfZeros(string name, long size)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.Length)
            {
                stream.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
            }
        }

        return buffer.ToArray();
    }
}
