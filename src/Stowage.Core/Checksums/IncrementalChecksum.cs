using System.Security.Cryptography;

namespace Stowage.Core.Checksums;

/// <summary>
/// One of S3's checksums (or MD5, the ETag) computed over data fed piece by piece as it streams past. The
/// digest is what S3 puts, base64, in <c>x-amz-checksum-*</c>: the big-endian CRC register, or the hash.
/// Not thread-safe; dispose it (the hashes hold native state).
/// </summary>
public abstract class IncrementalChecksum : IDisposable
{
    private protected IncrementalChecksum(ChecksumAlgorithm? algorithm, int digestLength)
    {
        Algorithm = algorithm;
        DigestLength = digestLength;
    }

    /// <summary>The S3 algorithm; null for MD5.</summary>
    public ChecksumAlgorithm? Algorithm { get; }

    /// <summary>Bytes in the digest: 4 (CRC32, CRC32C), 8 (CRC64NVME), 16 (MD5), 20 (SHA1), 32 (SHA256).</summary>
    public int DigestLength { get; }

    public static IncrementalChecksum Create(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => new Crc32Checksum(),
        ChecksumAlgorithm.Crc32C => new Crc32CChecksum(),
        ChecksumAlgorithm.Crc64Nvme => new Crc64NvmeChecksum(),
        ChecksumAlgorithm.Sha1 => new HashChecksum(algorithm, HashAlgorithmName.SHA1, 20),
        ChecksumAlgorithm.Sha256 => new HashChecksum(algorithm, HashAlgorithmName.SHA256, 32),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an S3 checksum algorithm."),
    };

    /// <summary>MD5, for ETags and Content-MD5.</summary>
    public static IncrementalChecksum CreateMd5() => new HashChecksum(null, HashAlgorithmName.MD5, 16);

    /// <summary>The digest of <paramref name="data"/> in one call.</summary>
    public static byte[] HashData(ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        using var checksum = Create(algorithm);
        checksum.Append(data);
        return checksum.GetDigest();
    }

    public abstract void Append(ReadOnlySpan<byte> data);

    /// <summary>
    /// Writes the digest of everything appended since creation (or the previous call) into
    /// <paramref name="destination"/> (at least <see cref="DigestLength"/> bytes) and starts over.
    /// </summary>
    public abstract int GetDigest(Span<byte> destination);

    /// <inheritdoc cref="GetDigest(Span{byte})"/>
    public byte[] GetDigest()
    {
        var digest = new byte[DigestLength];
        GetDigest(digest);
        return digest;
    }

    /// <summary>The digest in base64, as S3 sends it; starts over like <see cref="GetDigest(Span{byte})"/>.</summary>
    public string GetBase64Digest() => Convert.ToBase64String(GetDigest());

    /// <summary>The digest as a <see cref="ChecksumValue"/>; starts over. Not for MD5.</summary>
    public ChecksumValue GetChecksumValue() =>
        Algorithm is { } algorithm
            ? new ChecksumValue(algorithm, GetBase64Digest())
            : throw new InvalidOperationException("MD5 is not one of S3's additional checksums.");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private protected static void EnsureRoom(Span<byte> destination, int length)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"The digest needs {length} bytes.", nameof(destination));
        }
    }
}
