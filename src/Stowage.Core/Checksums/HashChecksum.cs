using System.Security.Cryptography;

namespace Stowage.Core.Checksums;

/// <summary>SHA1, SHA256 or MD5 fed incrementally, by the platform's <see cref="IncrementalHash"/>.</summary>
internal sealed class HashChecksum(ChecksumAlgorithm? algorithm, HashAlgorithmName hash, int digestLength)
    : IncrementalChecksum(algorithm, digestLength)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(hash);

    public override void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    public override int GetDigest(Span<byte> destination)
    {
        EnsureRoom(destination, DigestLength);
        return _hash.GetHashAndReset(destination);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
