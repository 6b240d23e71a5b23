using System.IO.Hashing;
using Stowage.Core.Checksums;

namespace Stowage.Core.Tests.Checksums;

public sealed class CrcCombineTests
{
    public static TheoryData<int, int> Splits => new()
    {
        { 0, 0 }, { 0, 17 }, { 17, 0 }, { 1, 1 }, { 1000, 3 }, { 5, 70_001 }, { 65_536, 65_536 }, { 123_457, 1_048_577 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Crc32_OfAThenB_FromTheTwoCrcs(int lengthA, int lengthB)
    {
        var (a, b, both) = Pieces(lengthA, lengthB);

        CrcCombine.Crc32(Crc32.HashToUInt32(a), Crc32.HashToUInt32(b), b.Length).ShouldBe(Crc32.HashToUInt32(both));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Crc32C_OfAThenB_FromTheTwoCrcs(int lengthA, int lengthB)
    {
        var (a, b, both) = Pieces(lengthA, lengthB);

        CrcCombine.Crc32C(Crc32C(a), Crc32C(b), b.Length).ShouldBe(Crc32C(both));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Crc64Nvme_OfAThenB_FromTheTwoCrcs(int lengthA, int lengthB)
    {
        var (a, b, both) = Pieces(lengthA, lengthB);

        CrcCombine.Crc64Nvme(Crc64Nvme(a), Crc64Nvme(b), b.Length).ShouldBe(Crc64Nvme(both));
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32)]
    [InlineData(ChecksumAlgorithm.Crc32C)]
    [InlineData(ChecksumAlgorithm.Crc64Nvme)]
    public void Digests_OfThreeParts_GiveTheFullObjectChecksum(ChecksumAlgorithm algorithm)
    {
        // A multipart upload's FULL_OBJECT checksum from its parts' checksums, without the bytes.
        var parts = new[] { CrcTests.TestData(5 * 1024 * 1024, 11), CrcTests.TestData(5 * 1024 * 1024, 12), CrcTests.TestData(1234, 13) };
        var whole = parts.SelectMany(static p => p).ToArray();

        var combined = IncrementalChecksum.HashData(algorithm, parts[0]);
        foreach (var part in parts.Skip(1))
        {
            combined = CrcCombine.Digests(algorithm, combined, IncrementalChecksum.HashData(algorithm, part), part.Length);
        }

        combined.ShouldBe(IncrementalChecksum.HashData(algorithm, whole));
    }

    [Fact]
    public void Combine_OfAVeryLongSecondPiece_StaysCorrect()
    {
        // 2^40 zero bytes cannot be hashed in a test, but zeros compose: crc(Z(n)) with Z = zero bytes is
        // combine(crc(Z(n/2)), crc(Z(n/2)), n/2), so a long zero run built by doubling must agree with itself
        // and with the direct value at a size that can be checked.
        var zeros = new byte[1 << 20];
        var direct = Crc32.HashToUInt32(zeros);
        var crc = Crc32.HashToUInt32(new byte[1]);
        long length = 1;
        while (length < zeros.Length)
        {
            crc = CrcCombine.Crc32(crc, crc, length);
            length *= 2;
        }

        crc.ShouldBe(direct);
        Should.NotThrow(() => CrcCombine.Crc64Nvme(1, 2, 1L << 40));
    }

    [Fact]
    public void Digests_OfShaAlgorithms_AreNotSupported() =>
        Should.Throw<NotSupportedException>(() => CrcCombine.Digests(ChecksumAlgorithm.Sha256, new byte[32], new byte[32], 1));

    [Fact]
    public void Digests_OfTheWrongLength_Throw() =>
        Should.Throw<ArgumentException>(() => CrcCombine.Digests(ChecksumAlgorithm.Crc32, new byte[8], new byte[4], 1));

    private static uint Crc32C(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);

    private static ulong Crc64Nvme(ReadOnlySpan<byte> data) => Crc64.HashToUInt64(Crc64ParameterSet.Nvme, data);

    private static (byte[] A, byte[] B, byte[] Both) Pieces(int lengthA, int lengthB)
    {
        var both = CrcTests.TestData(lengthA + lengthB, seed: lengthA ^ (lengthB * 31));
        return (both[..lengthA], both[lengthA..], both);
    }
}
