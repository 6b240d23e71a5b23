namespace Stowage.Core.Checksums;

/// <summary>CRC64NVME fed incrementally (<see cref="Crc64Nvme"/>).</summary>
internal sealed class Crc64NvmeChecksum() : IncrementalChecksum(ChecksumAlgorithm.Crc64Nvme, 8)
{
    private ulong _crc;

    public override void Append(ReadOnlySpan<byte> data) => _crc = Crc64Nvme.Append(_crc, data);

    public override int GetDigest(Span<byte> destination)
    {
        EnsureRoom(destination, 8);
        CrcDigest.Write64(destination, _crc);
        _crc = 0;
        return 8;
    }
}
