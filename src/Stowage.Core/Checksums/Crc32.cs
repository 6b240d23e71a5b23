namespace Stowage.Core.Checksums;

/// <summary>
/// CRC-32 (IEEE 802.3, zlib's; reflected polynomial 0xEDB88320, init and xorout all ones): S3's CRC32
/// checksum. The runtime's zlib-ng when its export resolves, slicing-by-8 otherwise.
/// </summary>
public static class Crc32
{
    /// <summary>The reflected form of 0x04C11DB7.</summary>
    public const uint ReflectedPolynomial = 0xEDB88320;

    internal static readonly Crc32Managed Managed = new(ReflectedPolynomial);

    /// <summary>Whether the native (zlib-ng) implementation is in use.</summary>
    public static bool IsNative => Crc32Native.IsAvailable;

    /// <summary>Continues <paramref name="crc"/> (0 to start) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) =>
        Crc32Native.IsAvailable ? Crc32Native.Append(crc, data) : Managed.Append(crc, data);

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);
}
