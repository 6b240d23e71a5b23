using System.Buffers.Binary;

namespace Stowage.Core.Checksums;

/// <summary>A CRC value as S3 carries it: the big-endian bytes of the register.</summary>
internal static class CrcDigest
{
    public static void Write32(Span<byte> destination, uint crc) => BinaryPrimitives.WriteUInt32BigEndian(destination, crc);

    public static void Write64(Span<byte> destination, ulong crc) => BinaryPrimitives.WriteUInt64BigEndian(destination, crc);

    public static uint Read32(ReadOnlySpan<byte> digest) => BinaryPrimitives.ReadUInt32BigEndian(digest);

    public static ulong Read64(ReadOnlySpan<byte> digest) => BinaryPrimitives.ReadUInt64BigEndian(digest);
}
