namespace Stowage.Core.Tests.Checksums;

/// <summary>
/// The textbook bit-at-a-time reflected CRC (Ross Williams, "A Painless Guide to CRC Error Detection
/// Algorithms", 1993): slow, obviously right, and independent of the table and instruction implementations
/// it checks. Init and xorout all ones, as for the three CRCs S3 uses.
/// </summary>
internal static class BitwiseCrc
{
    public static ulong Compute(ReadOnlySpan<byte> data, ulong reflectedPolynomial, int width)
    {
        var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        var crc = mask;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }
        }

        return ~crc & mask;
    }
}
