using System.Buffers.Binary;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the x-amz-checksum-crc32 the SDKs send: S3
/// writes it as the base64 of the big-endian 4 bytes. The BCL has none without another package.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The header form: base64 of the big-endian value (qbL7pQ== for the capture's 100 KiB file).</summary>
    public static string Base64(ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Compute(data));
        return Convert.ToBase64String(bytes);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? 0xEDB88320u ^ (value >> 1) : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
