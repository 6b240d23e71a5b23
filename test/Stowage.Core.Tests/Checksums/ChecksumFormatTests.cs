using Stowage.Core.Errors;
using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Core.Tests.Checksums;

public sealed class ChecksumFormatTests
{
    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, "qbL7pQ==")] // the 100 KiB payload of reference/s3-wire
    [InlineData(ChecksumAlgorithm.Crc32C, "yZRlqg==")]
    [InlineData(ChecksumAlgorithm.Crc64Nvme, "rosUhgp5mIg=")]
    [InlineData(ChecksumAlgorithm.Sha1, "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")]
    [InlineData(ChecksumAlgorithm.Sha256, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")]
    public void Validate_AcceptsADigestOfTheRightLength(ChecksumAlgorithm algorithm, string base64)
    {
        ChecksumFormat.Validate(new ChecksumValue(algorithm, base64)).ShouldBeNull();
        ChecksumFormat.TryDecode(algorithm, base64, out var digest).ShouldBeTrue();
        digest.Length.ShouldBe(ChecksumFormat.DigestLength(algorithm));
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, "")]
    [InlineData(ChecksumAlgorithm.Crc32, "AAAA")] // 3 bytes
    [InlineData(ChecksumAlgorithm.Crc32, "AAAAAAAA")] // 6 bytes
    [InlineData(ChecksumAlgorithm.Crc32, "AAAAAA=")] // bad padding
    [InlineData(ChecksumAlgorithm.Crc32, "AAAAAA!=")] // not base64
    [InlineData(ChecksumAlgorithm.Crc32, "AAAAAB==")] // non-canonical: stray bits in the padding
    [InlineData(ChecksumAlgorithm.Crc32, " AAAAAA=")]
    [InlineData(ChecksumAlgorithm.Crc64Nvme, "AAAAAA==")] // a CRC32 where a CRC64 belongs
    [InlineData(ChecksumAlgorithm.Sha256, "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")] // a SHA1 where a SHA256 belongs
    public void Validate_RejectsAMalformedDigest_WithInvalidDigest(ChecksumAlgorithm algorithm, string base64)
    {
        var failure = ChecksumFormat.Validate(new ChecksumValue(algorithm, base64));

        failure.ShouldNotBeNull();
        failure.Error.ShouldBe(StowageErrors.InvalidChecksum);
        failure.Message.ShouldBe($"Value for {ChecksumNames.HeaderName(algorithm)} header is invalid.");
    }
}
