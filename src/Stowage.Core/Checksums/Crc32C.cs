using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;

namespace Stowage.Core.Checksums;

/// <summary>
/// CRC-32C (Castagnoli; reflected polynomial 0x82F63B78, init and xorout all ones): S3's CRC32C checksum.
/// The SSE 4.2 <c>crc32</c> instruction 8 bytes at a time (or ARMv8's), slicing-by-8 otherwise.
/// </summary>
public static class Crc32C
{
    /// <summary>The reflected form of 0x1EDC6F41.</summary>
    public const uint ReflectedPolynomial = 0x82F63B78;

    internal static readonly Crc32Managed Managed = new(ReflectedPolynomial);

    /// <summary>Whether a CPU instruction computes it.</summary>
    public static bool IsHardwareAccelerated => Sse42.X64.IsSupported || ArmCrc32.Arm64.IsSupported;

    /// <summary>Continues <paramref name="crc"/> (0 to start) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            return AppendSse42(crc, data);
        }

        return ArmCrc32.Arm64.IsSupported ? AppendArm(crc, data) : Managed.Append(crc, data);
    }

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    // The instructions compute the bare CRC: the inversions S3's (and iSCSI's) CRC32C applies are ours to do.
    private static uint AppendSse42(uint crc, ReadOnlySpan<byte> data)
    {
        ulong c = ~crc;
        while (data.Length >= 8)
        {
            c = Sse42.X64.Crc32(c, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        var c32 = (uint)c;
        foreach (var b in data)
        {
            c32 = Sse42.Crc32(c32, b);
        }

        return ~c32;
    }

    private static uint AppendArm(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        while (data.Length >= 8)
        {
            c = ArmCrc32.Arm64.ComputeCrc32C(c, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = ArmCrc32.ComputeCrc32C(c, b);
        }

        return ~c;
    }
}
