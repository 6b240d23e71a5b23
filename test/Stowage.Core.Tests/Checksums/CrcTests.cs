using Stowage.Core.Checksums;

namespace Stowage.Core.Tests.Checksums;

public sealed class CrcTests
{
    // The catalogue check values (reveng.sourceforge.io/crc-catalogue): CRC-32/ISO-HDLC, CRC-32/ISCSI, CRC-64/NVME.
    private static readonly byte[] CheckInput = "123456789"u8.ToArray();

    public static TheoryData<int> OddLengths => [0, 1, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 4099, 65537, 1_048_583];

    [Fact]
    public void Crc32_OfTheCheckString_IsTheCatalogueValue() => Crc32.Compute(CheckInput).ShouldBe(0xCBF43926u);

    [Fact]
    public void Crc32C_OfTheCheckString_IsTheCatalogueValue() => Crc32C.Compute(CheckInput).ShouldBe(0xE3069283u);

    [Fact]
    public void Crc64Nvme_OfTheCheckString_IsTheCatalogueValue() => Crc64Nvme.Compute(CheckInput).ShouldBe(0xAE8B14860A799888UL);

    [Fact]
    public void Crc64Nvme_ReflectedPolynomial_IsTheBitReversalOfTheSpecPolynomial() =>
        Crc64Nvme.ReflectedPolynomial.ShouldBe(0x9A6C9329AC4BC9B5UL);

    [Fact]
    public void Crc32_UsesTheRuntimesZlibNg_OnThisRuntime() =>
        // The runtime ships libSystem.IO.Compression.Native with CompressionNative_Crc32 on every platform .NET 10
        // supports; if this fails the slower managed table is in use silently.
        Crc32.IsNative.ShouldBeTrue();

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Crc32_NativeAndManagedAndBitwise_Agree(int length)
    {
        var data = TestData(length, seed: 1);
        var reference = (uint)BitwiseCrc.Compute(data, Crc32.ReflectedPolynomial, 32);

        Crc32.Compute(data).ShouldBe(reference);
        Crc32.Managed.Append(0, data).ShouldBe(reference);
        Crc32Native.Append(0, data).ShouldBe(reference);
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Crc32C_HardwareAndManagedAndBitwise_Agree(int length)
    {
        var data = TestData(length, seed: 2);
        var reference = (uint)BitwiseCrc.Compute(data, Crc32C.ReflectedPolynomial, 32);

        Crc32C.Compute(data).ShouldBe(reference);
        Crc32C.Managed.Append(0, data).ShouldBe(reference);
    }

    [Theory]
    [MemberData(nameof(OddLengths))]
    public void Crc64Nvme_SlicingAndBitwise_Agree(int length)
    {
        var data = TestData(length, seed: 3);

        Crc64Nvme.Compute(data).ShouldBe(BitwiseCrc.Compute(data, Crc64Nvme.ReflectedPolynomial, 64));
    }

    [Fact]
    public void Append_ContinuesAcrossPieces_LikeOneCall()
    {
        var data = TestData(100_003, seed: 4);
        uint crc32 = 0, crc32C = 0, managed32 = 0;
        ulong crc64 = 0;
        var random = new Random(5);
        for (var offset = 0; offset < data.Length;)
        {
            var piece = data.AsSpan(offset, Math.Min(random.Next(0, 9000), data.Length - offset));
            crc32 = Crc32.Append(crc32, piece);
            crc32C = Crc32C.Append(crc32C, piece);
            crc64 = Crc64Nvme.Append(crc64, piece);
            managed32 = Crc32.Managed.Append(managed32, piece);
            offset += piece.Length;
        }

        crc32.ShouldBe(Crc32.Compute(data));
        managed32.ShouldBe(Crc32.Compute(data));
        crc32C.ShouldBe(Crc32C.Compute(data));
        crc64.ShouldBe(Crc64Nvme.Compute(data));
    }

    [Fact]
    public void Crc_OfNothing_IsZero()
    {
        Crc32.Compute([]).ShouldBe(0u);
        Crc32C.Compute([]).ShouldBe(0u);
        Crc64Nvme.Compute([]).ShouldBe(0UL);
    }

    internal static byte[] TestData(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
