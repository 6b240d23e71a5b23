using System.Buffers.Binary;
using System.IO.Hashing;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The x-amz-checksum-crc32 the SDKs send: CRC-32 (IEEE 802.3, System.IO.Hashing's <see cref="Crc32"/>) written, as S3
/// writes it, as the base64 of the big-endian 4 bytes.
/// </summary>
public static class AmzCrc32
{
    /// <summary>The header form: base64 of the big-endian value (qbL7pQ== for the capture's 100 KiB file).</summary>
    public static string Base64(ReadOnlySpan<byte> data)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Crc32.HashToUInt32(data));
        return Convert.ToBase64String(bytes);
    }
}
