namespace Stowage.Core.Checksums;

/// <summary>
/// The eight lookup tables of a reflected CRC computed "slicing-by-8" (Kounavis and Berry, "A Systematic
/// Approach to Building High Performance Software-based CRC Generators", 2005): eight input bytes per step
/// instead of one. Width up to 64 bits; a 32-bit CRC keeps its value in the low half of the entries.
/// </summary>
internal sealed class CrcSlicingTable
{
    public CrcSlicingTable(ulong reflectedPolynomial)
    {
        Tables = new ulong[8][];
        for (var k = 0; k < 8; k++)
        {
            Tables[k] = new ulong[256];
        }

        for (ulong i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }

            Tables[0][i] = crc;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var k = 1; k < 8; k++)
            {
                Tables[k][i] = (Tables[k - 1][i] >> 8) ^ Tables[0][Tables[k - 1][i] & 0xFF];
            }
        }
    }

    /// <summary>Tables[k][b]: the CRC contribution of byte b followed by k zero bytes.</summary>
    public ulong[][] Tables { get; }
}
