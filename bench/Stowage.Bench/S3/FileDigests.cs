using System.Collections.Concurrent;
using System.Security.Cryptography;
using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>Digests of the source files, computed once (untimed) and reused by every verification.</summary>
internal sealed class FileDigests
{
    private const int BlockSize = 1 << 20;

    private readonly ConcurrentDictionary<string, FileDigest> cache = new(StringComparer.Ordinal);

    public async Task<FileDigest> GetAsync(TestFile file, CancellationToken ct)
    {
        if (cache.TryGetValue(file.Path, out var known))
        {
            return known;
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var block = new byte[BlockSize];
        await using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        int read;
        while ((read = await stream.ReadAsync(block, ct)) > 0)
        {
            sha.AppendData(block, 0, read);
            md5.AppendData(block, 0, read);
        }

        return cache[file.Path] = new FileDigest(sha.GetHashAndReset(), Convert.ToHexStringLower(md5.GetHashAndReset()));
    }
}
