namespace Stowage.Core.Checksums;

/// <summary>CRC32 fed incrementally (<see cref="Crc32"/>).</summary>
internal sealed class Crc32Checksum() : IncrementalChecksum(ChecksumAlgorithm.Crc32, 4)
{
    private uint _crc;

    public override void Append(ReadOnlySpan<byte> data) => _crc = Crc32.Append(_crc, data);

    public override int GetDigest(Span<byte> destination)
    {
        EnsureRoom(destination, 4);
        CrcDigest.Write32(destination, _crc);
        _crc = 0;
        return 4;
    }
}
