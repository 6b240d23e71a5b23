using System.Buffers.Binary;
using Stowage.Core.Checksums;

namespace Stowage.Core.Tests.Checksums;

/// <summary>
/// S3's three CRCs as the checksums compute them (System.IO.Hashing, and the runtime's zlib-ng for CRC32): the
/// catalogue check values, agreement with the textbook bitwise CRC at awkward lengths, and pieces like one call.
/// </summary>
public sealed class CrcTests
{
    // The catalogue check values (reveng.sourceforge.io/crc-catalogue): CRC-32/ISO-HDLC, CRC-32/ISCSI, CRC-64/NVME.
    private static readonly byte[] CheckInput = "123456789"u8.ToArray();

    // The reflected polynomials: 0x04C11DB7, 0x1EDC6F41 and 0xAD93D23594C93659 with their bits reversed.
    private const uint Crc32Reflected = 0xEDB88320;
    private const uint Crc32CReflected = 0x82F63B78;
    private const ulong Crc64NvmeReflected = 0x9A6C9329AC4BC9B5UL;

    public static TheoryData<int> OddLengths => [0, 1, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099, 65537, 1_048_583];

    [Fact]
    public void Crc32_OfTheCheckString_IsTheCatalogueValue() => Value(ChecksumAlgorithm.Crc32, CheckInput).ShouldBe(0xCBF43926u);

    [Fact]
    public void Crc32C_OfTheCheckString_IsTheCatalogueValue() => Value(ChecksumAlgorithm.Crc32C, CheckInput).ShouldBe(0xE3069283u);

    [Fact]
    public void Crc64Nvme_OfTheCheckString_IsTheCatalogueValue() => Value(ChecksumAlgorithm.Crc64Nvme, CheckInput).ShouldBe(0xAE8B14860A799888UL);

    [Fact]
    public void Combiners_ReflectTheLibrarysPolynomials()
    {
        CrcCombine.Crc32Combiner.ReflectedPolynomial.ShouldBe(Crc32Reflected);
        CrcCombine.Crc32CCombiner.ReflectedPolynomial.ShouldBe(Crc32CReflected);
        CrcCombine.Crc64NvmeCombiner.ReflectedPolynomial.ShouldBe(Crc64NvmeReflected);
    }

    [Fact]
    public void Crc32_UsesTheRuntimesZlibNg_OnThisRuntime() =>
        // The runtime ships libSystem.IO.Compression.Native with CompressionNative_Crc32 on every platform .NET 10
        // supports; if this fails the slower System.IO.Hashing is in use silently.
        Crc32Native.IsAvailable.ShouldBeTrue();

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Crc32_NativeAndLibraryAndBitwise_Agree(int length)
    {
        var data = TestData(length, seed: 1);
        var reference = (uint)BitwiseCrc.Compute(data, Crc32Reflected, 32);

        Value(ChecksumAlgorithm.Crc32, data).ShouldBe(reference);
        Crc32Native.Append(0, data).ShouldBe(reference);
        Digest32(new Crc32Checksum(native: false), data).ShouldBe(reference);
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Crc32C_AndBitwise_Agree(int length)
    {
        var data = TestData(length, seed: 2);

        Value(ChecksumAlgorithm.Crc32C, data).ShouldBe((uint)BitwiseCrc.Compute(data, Crc32CReflected, 32));
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Crc64Nvme_AndBitwise_Agree(int length)
    {
        var data = TestData(length, seed: 3);

        Value(ChecksumAlgorithm.Crc64Nvme, data).ShouldBe(BitwiseCrc.Compute(data, Crc64NvmeReflected, 64));
    }

    [Fact]
    public void Append_ContinuesAcrossPieces_LikeOneCall()
    {
        var data = TestData(100_003, seed: 4);
        using var crc32 = IncrementalChecksum.Create(ChecksumAlgorithm.Crc32);
        using var crc32C = IncrementalChecksum.Create(ChecksumAlgorithm.Crc32C);
        using var crc64 = IncrementalChecksum.Create(ChecksumAlgorithm.Crc64Nvme);
        using var library32 = new Crc32Checksum(native: false);
        var random = new Random(5);
        for (var offset = 0; offset < data.Length;)
        {
            var piece = data.AsSpan(offset, Math.Min(random.Next(0, 9000), data.Length - offset));
            crc32.Append(piece);
            crc32C.Append(piece);
            crc64.Append(piece);
            library32.Append(piece);
            offset += piece.Length;
        }

        crc32.GetDigest().ShouldBe(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32, data));
        library32.GetDigest().ShouldBe(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32, data));
        crc32C.GetDigest().ShouldBe(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32C, data));
        crc64.GetDigest().ShouldBe(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc64Nvme, data));
    }

    [Fact]
    public void Crc_OfNothing_IsZero()
    {
        Value(ChecksumAlgorithm.Crc32, []).ShouldBe(0u);
        Digest32(new Crc32Checksum(native: false), []).ShouldBe(0u);
        Value(ChecksumAlgorithm.Crc32C, []).ShouldBe(0u);
        Value(ChecksumAlgorithm.Crc64Nvme, []).ShouldBe(0UL);
    }

    [Fact]
    public void Checksums_StartOver_AfterADigest()
    {
        foreach (var checksum in new IncrementalChecksum[] { new Crc32Checksum(native: true), new Crc32Checksum(native: false), new Crc32CChecksum(), new Crc64NvmeChecksum() })
        {
            using (checksum)
            {
                checksum.Append("something else"u8);
                checksum.GetDigest();
                checksum.Append(CheckInput);

                checksum.GetDigest().ShouldBe(IncrementalChecksum.HashData(checksum.Algorithm!.Value, CheckInput));
            }
        }
    }

    /// <summary>The CRC register as a number, from the big-endian digest S3 carries.</summary>
    internal static ulong Value(ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        var digest = IncrementalChecksum.HashData(algorithm, data);
        return digest.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(digest) : BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    internal static byte[] TestData(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    private static uint Digest32(IncrementalChecksum checksum, ReadOnlySpan<byte> data)
    {
        using (checksum)
        {
            checksum.Append(data);
            return BinaryPrimitives.ReadUInt32BigEndian(checksum.GetDigest());
        }
    }
}
