using System.Security.Cryptography;

namespace Stowage.Bench.Data;

/// <summary>Checks a stored file against the source: size first (cheap), then SHA-256.</summary>
internal static class FileHash
{
    public static async Task VerifyAsync(string storedPath, TestFile source, byte[] expectedSha256, CancellationToken ct)
    {
        var info = new FileInfo(storedPath);
        if (!info.Exists)
        {
            throw new UploadMismatchException($"stored file {storedPath} does not exist");
        }

        if (info.Length != source.Length)
        {
            throw new UploadMismatchException($"stored file {storedPath} has {info.Length} bytes, expected {source.Length}");
        }

        await using var stream = new FileStream(storedPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, FileOptions.SequentialScan);
        var actual = await SHA256.HashDataAsync(stream, ct);
        if (!actual.AsSpan().SequenceEqual(expectedSha256))
        {
            throw new UploadMismatchException($"stored file {storedPath}: SHA-256 {Convert.ToHexStringLower(actual)} differs from the source's {Convert.ToHexStringLower(expectedSha256)}");
        }
    }
}
