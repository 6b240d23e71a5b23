using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>
/// The digests of one body, fed in the order the bytes pass: MD5 always (it is the ETag) and the requested
/// additional checksum. One pass, no copies. MD5 is the bottleneck of throughput (about 0.7 GB/s a core), so
/// everything that hashes goes through <see cref="Append"/>: that is the one seam where hashing could move
/// to another thread (handing it the buffer before the blob store reuses it) without touching the callers.
/// </summary>
internal sealed class S3ContentDigest : IDisposable
{
    private readonly IncrementalChecksum _md5 = IncrementalChecksum.CreateMd5();
    private readonly IncrementalChecksum? _checksum;

    public S3ContentDigest(ChecksumAlgorithm? checksum) =>
        _checksum = checksum is { } algorithm ? IncrementalChecksum.Create(algorithm) : null;

    public long Length { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        _md5.Append(data);
        _checksum?.Append(data);
    }

    /// <summary>The MD5 (16 bytes) and the checksum, once the body has ended.</summary>
    public (byte[] Md5, ChecksumValue? Checksum) Finish() => (_md5.GetDigest(), _checksum?.GetChecksumValue());

    public void Dispose()
    {
        _md5.Dispose();
        _checksum?.Dispose();
    }
}
