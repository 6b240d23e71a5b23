using System.Buffers.Binary;

namespace Stowage.Core.Checksums;

/// <summary>
/// A reflected 32-bit CRC in software, slicing-by-8: the fallback for CRC32 when the runtime's zlib-ng export
/// is missing, and for CRC32C on a CPU without a CRC instruction.
/// </summary>
internal sealed class Crc32Managed(uint reflectedPolynomial)
{
    private readonly ulong[][] _t = new CrcSlicingTable(reflectedPolynomial).Tables;

    /// <summary>Continues <paramref name="crc"/> (0 to start; the pre- and post-inversion are done here) over <paramref name="data"/>.</summary>
    public uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var t = _t;
        var c = ~crc;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = (uint)(t[7][low & 0xFF] ^ t[6][(low >> 8) & 0xFF] ^ t[5][(low >> 16) & 0xFF] ^ t[4][low >> 24]
                ^ t[3][high & 0xFF] ^ t[2][(high >> 8) & 0xFF] ^ t[1][(high >> 16) & 0xFF] ^ t[0][high >> 24]);
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = (uint)t[0][(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }
}
