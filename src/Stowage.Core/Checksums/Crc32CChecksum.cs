namespace Stowage.Core.Checksums;

/// <summary>CRC32C fed incrementally (<see cref="Crc32C"/>).</summary>
internal sealed class Crc32CChecksum() : IncrementalChecksum(ChecksumAlgorithm.Crc32C, 4)
{
    private uint _crc;

    public override void Append(ReadOnlySpan<byte> data) => _crc = Crc32C.Append(_crc, data);

    public override int GetDigest(Span<byte> destination)
    {
        EnsureRoom(destination, 4);
        CrcDigest.Write32(destination, _crc);
        _crc = 0;
        return 4;
    }
}
