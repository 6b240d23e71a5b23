using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>A file of reproducible random bytes on disk, with the hashes the tests compare against.</summary>
public sealed class TestFile
{
    private const int Block = 1 << 20;

    private TestFile(string path, long length, string sha256, string md5)
    {
        Path = path;
        Length = length;
        Sha256 = sha256;
        Md5 = md5;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Lower-case hex SHA-256 of the content: what every round trip is checked against.</summary>
    public string Sha256 { get; }

    /// <summary>Lower-case hex MD5: the ETag S3 gives a single PUT of this content.</summary>
    public string Md5 { get; }

    /// <summary>Writes <paramref name="length"/> bytes from a seeded generator block by block (100 MiB never sits in memory).</summary>
    public static TestFile Create(string path, long length, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[Block];
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using (var output = File.Create(path))
        {
            for (var written = 0L; written < length;)
            {
                var count = (int)Math.Min(Block, length - written);
                random.NextBytes(buffer.AsSpan(0, count));
                output.Write(buffer, 0, count);
                sha256.AppendData(buffer, 0, count);
                md5.AppendData(buffer, 0, count);
                written += count;
            }
        }

        return new TestFile(path, length, Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    public byte[] ReadAllBytes() => File.ReadAllBytes(Path);

    /// <summary>
    /// The ETag S3 gives this content uploaded in parts of <paramref name="partSize"/> bytes (the last one
    /// shorter): hex MD5 of the concatenated binary part MD5s, a dash, the part count.
    /// </summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 defines the ETag as MD5; the tests compute the same identifier.")]
    public string MultipartETag(long partSize)
    {
        using var input = File.OpenRead(Path);
        using var digests = new MemoryStream();
        var buffer = new byte[partSize];
        var parts = 0;
        int read;
        while ((read = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            digests.Write(MD5.HashData(buffer.AsSpan(0, read)));
            parts++;
        }

        return $"{Convert.ToHexStringLower(MD5.HashData(digests.ToArray()))}-{parts}";
    }

    public override string ToString() => $"{System.IO.Path.GetFileName(Path)} ({Length} bytes, sha256 {Sha256})";
}
