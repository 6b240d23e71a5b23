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

    /// <summary>A zip whose entry <paramref name="name"/> is a Unix symbolic link to <paramref name="target"/>.</summary>
    public static byte[] OfSymlink(string name, string target)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Fastest);

            // Info-ZIP keeps st_mode in the high 16 bits: S_IFLNK | 0777.
            entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var stream = entry.Open();
            stream.Write(System.Text.Encoding.UTF8.GetBytes(target));
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
