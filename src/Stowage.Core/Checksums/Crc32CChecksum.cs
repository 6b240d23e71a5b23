using System.IO.Hashing;

namespace Stowage.Core.Checksums;

/// <summary>S3's CRC32C (CRC-32/ISCSI, Castagnoli) fed incrementally, by System.IO.Hashing.</summary>
internal sealed class Crc32CChecksum() : IncrementalChecksum(ChecksumAlgorithm.Crc32C, 4)
{
    private readonly Crc32 _crc = new(Crc32ParameterSet.Crc32C);

    public override void Append(ReadOnlySpan<byte> data) => _crc.Append(data);

    public override int GetDigest(Span<byte> destination)
    {
        EnsureRoom(destination, 4);
        CrcDigest.Write32(destination, _crc.GetCurrentHashAsUInt32());
        _crc.Reset();
        return 4;
    }
}
