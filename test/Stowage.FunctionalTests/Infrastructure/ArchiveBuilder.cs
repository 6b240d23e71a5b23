using System.IO.Compression;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>Builds test archives at test time: zips in memory, 7z with bsdtar (libarchive-tools, installed by test.sh).</summary>
public static class ArchiveBuilder
{
    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> entries, IEnumerable<string>? directories = null, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var directory in directories ?? [])
            {
                zip.CreateEntry(directory.TrimEnd('/') + "/");
            }

            foreach (var (path, data) in entries)
            {
                var entry = zip.CreateEntry(path, level);
                using var stream = entry.Open();
                stream.Write(data);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A .7z of <paramref name="entries"/> made by <c>bsdtar --format 7zip</c>.</summary>
    public static async Task<byte[]> SevenZipAsync(IReadOnlyDictionary<string, byte[]> entries)
    {
        using var work = new TempDirectory("7z");
        var tree = work.Combine("tree");
        foreach (var (path, data) in entries)
        {
            var file = Path.Combine(tree, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, data);
        }

        var archive = work.Combine("x.7z");
        var result = await ProcessRunner.RunAsync("bsdtar", ["--format", "7zip", "-cf", archive, "-C", tree, .. entries.Keys], TimeSpan.FromSeconds(60));
        result.ExitCode.ShouldBe(0, result.ToString());
        return await File.ReadAllBytesAsync(archive);
    }
}
