using Stowage.Bench.Data;

namespace Stowage.Bench.Peers;

/// <summary>Checks and cleanup for peers that store plain files in a directory we can read.</summary>
internal static class StoredFiles
{
    /// <summary>Every file of the batch is in <paramref name="dir"/> with its full length (names may differ).</summary>
    public static void VerifyCount(string dir, IReadOnlyList<TestFile> expected, Func<string, bool> isData)
    {
        var stored = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir).Where(isData).Select(f => new FileInfo(f).Length).ToList()
            : [];
        var wanted = expected.Sum(f => f.Length);
        if (stored.Count != expected.Count || stored.Sum() != wanted)
        {
            throw new UploadMismatchException($"{dir} holds {stored.Count} files, {stored.Sum()} bytes; expected {expected.Count} files, {wanted} bytes");
        }
    }

    /// <summary>Empties <paramref name="dir"/> but keeps it (the server may hold it open).</summary>
    public static void Empty(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(dir))
        {
            File.Delete(file);
        }

        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            Directory.Delete(sub, recursive: true);
        }
    }
}
