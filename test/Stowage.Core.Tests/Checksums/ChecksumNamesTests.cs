using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Core.Tests.Checksums;

public sealed class ChecksumNamesTests
{
    [Theory]
    [InlineData("x-amz-checksum-crc32", ChecksumAlgorithm.Crc32)]
    [InlineData("X-Amz-Checksum-CRC32", ChecksumAlgorithm.Crc32)]
    [InlineData("x-amz-checksum-crc32c", ChecksumAlgorithm.Crc32C)]
    [InlineData("x-amz-checksum-crc64nvme", ChecksumAlgorithm.Crc64Nvme)]
    [InlineData("x-amz-checksum-sha1", ChecksumAlgorithm.Sha1)]
    [InlineData("x-amz-checksum-sha256", ChecksumAlgorithm.Sha256)]
    public void TryParseHeaderName_ReadsTheValueHeaders(string header, ChecksumAlgorithm expected)
    {
        ChecksumNames.TryParseHeaderName(header, out var algorithm).ShouldBeTrue();

        algorithm.ShouldBe(expected);
        ChecksumNames.HeaderName(expected).ShouldBe(header.ToLowerInvariant());
    }

    [Theory]
    [InlineData("x-amz-checksum-algorithm")]
    [InlineData("x-amz-checksum-type")]
    [InlineData("x-amz-checksum-mode")]
    [InlineData("x-amz-checksum-md5")]
    [InlineData("x-amz-checksum-")]
    [InlineData("x-amz-sdk-checksum-algorithm")]
    [InlineData("content-md5")]
    [InlineData(null)]
    public void TryParseHeaderName_RejectsHeadersThatCarryNoValue(string? header) =>
        ChecksumNames.TryParseHeaderName(header, out _).ShouldBeFalse();

    [Theory]
    [InlineData("CRC32", ChecksumAlgorithm.Crc32)]
    [InlineData("crc32c", ChecksumAlgorithm.Crc32C)]
    [InlineData("CRC64NVME", ChecksumAlgorithm.Crc64Nvme)]
    [InlineData("Sha1", ChecksumAlgorithm.Sha1)]
    [InlineData("SHA256", ChecksumAlgorithm.Sha256)]
    public void TryParseName_ReadsTheAlgorithmNames(string name, ChecksumAlgorithm expected)
    {
        ChecksumNames.TryParseName(name, out var algorithm).ShouldBeTrue();

        algorithm.ShouldBe(expected);
        ChecksumNames.Name(expected).ShouldBe(name.ToUpperInvariant());
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("CRC-32")]
    [InlineData("")]
    [InlineData(" CRC32")]
    public void TryParseName_RejectsOtherNames(string name) => ChecksumNames.TryParseName(name, out _).ShouldBeFalse();
}
