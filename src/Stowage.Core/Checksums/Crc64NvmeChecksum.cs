using System.IO.Hashing;

namespace Stowage.Core.Checksums;

/// <summary>
/// S3's CRC64NVME (CRC-64/NVME, NVM Express base specification 2.0, "End-to-end Data Protection") fed
/// incrementally, by System.IO.Hashing.
/// </summary>
internal sealed class Crc64NvmeChecksum() : IncrementalChecksum(ChecksumAlgorithm.Crc64Nvme, 8)
{
    private readonly Crc64 _crc = new(Crc64ParameterSet.Nvme);

    public override void Append(ReadOnlySpan<byte> data) => _crc.Append(data);

    public override int GetDigest(Span<byte> destination)
    {
        EnsureRoom(destination, 8);
        CrcDigest.Write64(destination, _crc.GetCurrentHashAsUInt64());
        _crc.Reset();
        return 8;
    }
}
