using System.Buffers.Binary;

namespace Stowage.Core.Checksums;

/// <summary>
/// CRC-64/NVME (NVM Express base specification 2.0, "End-to-end Data Protection"; polynomial
/// 0xAD93D23594C93659, reflected, init and xorout all ones; check value of "123456789" 0xAE8B14860A799888):
/// S3's CRC64NVME checksum. Slicing-by-8.
/// </summary>
public static class Crc64Nvme
{
    public const ulong Polynomial = 0xAD93D23594C93659;

    public static readonly ulong ReflectedPolynomial = ReverseBits(Polynomial);

    private static readonly ulong[][] T = new CrcSlicingTable(ReflectedPolynomial).Tables;

    /// <summary>Continues <paramref name="crc"/> (0 to start) over <paramref name="data"/>.</summary>
    public static ulong Append(ulong crc, ReadOnlySpan<byte> data)
    {
        var t = T;
        var c = ~crc;
        while (data.Length >= 8)
        {
            var x = BinaryPrimitives.ReadUInt64LittleEndian(data) ^ c;
            c = t[7][x & 0xFF] ^ t[6][(x >> 8) & 0xFF] ^ t[5][(x >> 16) & 0xFF] ^ t[4][(x >> 24) & 0xFF]
                ^ t[3][(x >> 32) & 0xFF] ^ t[2][(x >> 40) & 0xFF] ^ t[1][(x >> 48) & 0xFF] ^ t[0][x >> 56];
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = t[0][(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    public static ulong Compute(ReadOnlySpan<byte> data) => Append(0, data);

    private static ulong ReverseBits(ulong value)
    {
        ulong reversed = 0;
        for (var i = 0; i < 64; i++)
        {
            reversed = (reversed << 1) | ((value >> i) & 1);
        }

        return reversed;
    }
}
