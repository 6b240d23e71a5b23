using System.Security.Cryptography;
using Stowage.Bench.Cli;

namespace Stowage.Bench.Data;

/// <summary>
/// The workload, generated once per run and shared by every peer so they all read
/// the same bytes from the page cache. Content is random and different per file:
/// a store that deduplicates or compresses must not get an unfair shortcut.
/// </summary>
internal sealed class TestData
{
    private const int WriteBlock = 4 * 1024 * 1024;

    private TestData(TestFile big, byte[] bigSha256, IReadOnlyList<TestFile> small)
    {
        Big = big;
        BigSha256 = bigSha256;
        Small = small;
    }

    public TestFile Big { get; }

    public byte[] BigSha256 { get; }

    public IReadOnlyList<TestFile> Small { get; }

    public long SmallTotalBytes => Small.Sum(f => f.Length);

    public static async Task<TestData> CreateAsync(BenchOptions options, CancellationToken ct)
    {
        var dir = Directory.CreateDirectory(Path.Combine(options.WorkDir, "data")).FullName;

        var bigPath = Path.Combine(dir, options.BigName);
        var sha = await WriteRandomAsync(bigPath, options.BigSize, ct);
        var big = new TestFile(bigPath, options.BigName, options.BigSize);

        var smallDir = Directory.CreateDirectory(Path.Combine(dir, "small")).FullName;
        var small = new List<TestFile>(options.SmallCount);
        for (var i = 0; i < options.SmallCount; i++)
        {
            var name = $"IMG_{i:D5}{options.SmallExtension}";
            var path = Path.Combine(smallDir, name);
            await WriteRandomAsync(path, options.SmallSize, ct);
            small.Add(new TestFile(path, name, options.SmallSize));
        }

        return new TestData(big, sha, small);
    }

    /// <summary>Writes <paramref name="length"/> random bytes to <paramref name="path"/>; returns their SHA-256.</summary>
    public static async Task<byte[]> WriteRandomAsync(string path, long length, CancellationToken ct)
    {
        var buffer = new byte[(int)Math.Min(WriteBlock, length)];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 0);
        for (long written = 0; written < length;)
        {
            var n = (int)Math.Min(buffer.Length, length - written);
            // The OS generator is the fastest source here (a seeded Random is several times slower).
            RandomNumberGenerator.Fill(buffer.AsSpan(0, n));
            hash.AppendData(buffer, 0, n);
            await file.WriteAsync(buffer.AsMemory(0, n), ct);
            written += n;
        }

        return hash.GetHashAndReset();
    }
}
