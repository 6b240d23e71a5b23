using System.Security.Cryptography;
using System.Text;
using Stowage.Core.Checksums;

namespace Stowage.Core.Tests.Checksums;

public sealed class IncrementalChecksumTests
{
    public static TheoryData<ChecksumAlgorithm, string> EmptyDigests => new()
    {
        // S3 answers x-amz-checksum-crc32: AAAAAA== for an empty object (reference/s3-wire: the JS SDK presigns exactly that).
        { ChecksumAlgorithm.Crc32, "AAAAAA==" },
        { ChecksumAlgorithm.Crc32C, "AAAAAA==" },
        { ChecksumAlgorithm.Crc64Nvme, "AAAAAAAAAAA=" },
        { ChecksumAlgorithm.Sha1, "2jmj7l5rSw0yVb/vlWAYkK/YBwk=" },
        { ChecksumAlgorithm.Sha256, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" },
    };

    public static TheoryData<ChecksumAlgorithm, string> HelloWorldDigests => new()
    {
        // zlib.crc32(b"hello world") = 0x0D4A1185; CRC-32C of it = 0xC99465AA (RFC 3720's polynomial).
        { ChecksumAlgorithm.Crc32, "DUoRhQ==" },
        { ChecksumAlgorithm.Crc32C, "yZRlqg==" },
        { ChecksumAlgorithm.Sha1, "Kq5sNclPz7QV2+lfQIuc6R7oRu0=" },
        { ChecksumAlgorithm.Sha256, "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=" },
    };

    [Theory]
    [MemberData(nameof(EmptyDigests))]
    public void Digest_OfNothing_IsWhatS3Sends(ChecksumAlgorithm algorithm, string expected)
    {
        using var checksum = IncrementalChecksum.Create(algorithm);

        checksum.GetBase64Digest().ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(HelloWorldDigests))]
    public void Digest_OfHelloWorld_IsTheKnownValue(ChecksumAlgorithm algorithm, string expected) =>
        Convert.ToBase64String(IncrementalChecksum.HashData(algorithm, "hello world"u8)).ShouldBe(expected);

    [Fact]
    public void Crc64Nvme_Digest_IsTheBigEndianRegister() =>
        IncrementalChecksum.HashData(ChecksumAlgorithm.Crc64Nvme, "123456789"u8).ShouldBe(new byte[] { 0xAE, 0x8B, 0x14, 0x86, 0x0A, 0x79, 0x98, 0x88 });

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, 4)]
    [InlineData(ChecksumAlgorithm.Crc32C, 4)]
    [InlineData(ChecksumAlgorithm.Crc64Nvme, 8)]
    [InlineData(ChecksumAlgorithm.Sha1, 20)]
    [InlineData(ChecksumAlgorithm.Sha256, 32)]
    public void Digest_HasTheAlgorithmsLength(ChecksumAlgorithm algorithm, int length)
    {
        using var checksum = IncrementalChecksum.Create(algorithm);
        checksum.Append("abc"u8);

        checksum.DigestLength.ShouldBe(length);
        checksum.GetDigest().Length.ShouldBe(length);
        checksum.Algorithm.ShouldBe(algorithm);
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32)]
    [InlineData(ChecksumAlgorithm.Crc32C)]
    [InlineData(ChecksumAlgorithm.Crc64Nvme)]
    [InlineData(ChecksumAlgorithm.Sha1)]
    [InlineData(ChecksumAlgorithm.Sha256)]
    public void Append_InPieces_GivesTheOneShotDigest(ChecksumAlgorithm algorithm)
    {
        var data = CrcTests.TestData(250_001, seed: 7);
        using var checksum = IncrementalChecksum.Create(algorithm);
        var random = new Random(8);
        for (var offset = 0; offset < data.Length;)
        {
            var length = Math.Min(random.Next(0, 20_000), data.Length - offset);
            checksum.Append(data.AsSpan(offset, length));
            offset += length;
        }

        checksum.GetDigest().ShouldBe(IncrementalChecksum.HashData(algorithm, data));
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32)]
    [InlineData(ChecksumAlgorithm.Crc64Nvme)]
    [InlineData(ChecksumAlgorithm.Sha256)]
    public void GetDigest_StartsOver(ChecksumAlgorithm algorithm)
    {
        using var checksum = IncrementalChecksum.Create(algorithm);
        checksum.Append("first"u8);
        _ = checksum.GetDigest();
        checksum.Append("second"u8);

        checksum.GetDigest().ShouldBe(IncrementalChecksum.HashData(algorithm, "second"u8));
    }

    [Fact]
    public void Md5_IsThePlatformsMd5()
    {
        var data = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");
        using var md5 = IncrementalChecksum.CreateMd5();
        md5.Append(data);

        md5.Algorithm.ShouldBeNull();
#pragma warning disable CA5351 // MD5 is what S3's ETag and Content-MD5 are.
        md5.GetDigest().ShouldBe(MD5.HashData(data));
#pragma warning restore CA5351
    }

    [Fact]
    public void GetChecksumValue_CarriesAlgorithmAndBase64()
    {
        using var checksum = IncrementalChecksum.Create(ChecksumAlgorithm.Crc32);
        checksum.Append("hello world"u8);

        checksum.GetChecksumValue().ShouldBe(new ChecksumValue(ChecksumAlgorithm.Crc32, "DUoRhQ=="));
    }

    [Fact]
    public void GetChecksumValue_OfMd5_Throws()
    {
        using var md5 = IncrementalChecksum.CreateMd5();

        Should.Throw<InvalidOperationException>(() => md5.GetChecksumValue());
    }

    [Fact]
    public void GetDigest_IntoTooSmallABuffer_Throws()
    {
        using var checksum = IncrementalChecksum.Create(ChecksumAlgorithm.Crc64Nvme);

        Should.Throw<ArgumentException>(() => checksum.GetDigest(new byte[7]));
    }
}
