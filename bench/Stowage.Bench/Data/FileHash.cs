using System.Security.Cryptography;

namespace Stowage.Bench.Data;

/// <summary>Checks a stored file against the source: size first (cheap), then SHA-256.</summary>
internal static class FileHash
{
    public static Task VerifyAsync(string storedPath, TestFile source, byte[] expectedSha256, CancellationToken ct)
    {
        if (!File.Exists(storedPath))
        {
            throw new UploadMismatchException($"stored file {storedPath} does not exist");
        }

        return VerifyConcatenationAsync([storedPath], storedPath, source, expectedSha256, ct);
    }

    /// <summary>The files of <paramref name="storedDir"/>, in name order and end to end, are the source.</summary>
    public static Task VerifyChunksAsync(string storedDir, TestFile source, byte[] expectedSha256, CancellationToken ct)
    {
        if (!Directory.Exists(storedDir))
        {
            throw new UploadMismatchException($"stored chunks {storedDir} do not exist");
        }

        var chunks = Directory.GetFiles(storedDir).Order(StringComparer.Ordinal).ToList();
        return VerifyConcatenationAsync(chunks, storedDir, source, expectedSha256, ct);
    }

    private static async Task VerifyConcatenationAsync(IReadOnlyList<string> paths, string what, TestFile source, byte[] expectedSha256, CancellationToken ct)
    {
        var length = paths.Sum(p => new FileInfo(p).Length);
        if (length != source.Length)
        {
            throw new UploadMismatchException($"stored {what} has {length} bytes, expected {source.Length}");
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var path in paths)
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }

        var actual = sha.GetHashAndReset();
        if (!actual.AsSpan().SequenceEqual(expectedSha256))
        {
            throw new UploadMismatchException($"stored {what}: SHA-256 {Convert.ToHexStringLower(actual)} differs from the source's {Convert.ToHexStringLower(expectedSha256)}");
        }
    }
}
