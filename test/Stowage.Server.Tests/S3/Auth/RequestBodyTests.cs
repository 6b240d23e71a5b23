using Stowage.Core.Errors;
using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

/// <summary>Which checksum a request carries or asks for (checking-object-integrity.html), decided before the body is read.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public async Task ChecksumHeader_IsTheHeaderChecksum_AndTheAlgorithmToCompute()
    {
        // boto3 1.43: x-amz-sdk-checksum-algorithm: CRC32 + x-amz-checksum-crc32, both signed.
        var request = new TestRequest().Header("X-Amz-Checksum-CRC32", "qbL7pQ==").Header("x-amz-sdk-checksum-algorithm", "CRC32");
        request.SignV4();

        var body = (await Authenticators.Create().ShouldAuthenticate(request)).Body;

        body.HeaderChecksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Crc32, "qbL7pQ=="));
        body.Algorithm.ShouldBe(ChecksumAlgorithm.Crc32);
        body.TrailerChecksum().ShouldBeNull();
    }

    [Fact]
    public async Task SdkAlgorithmAlone_IsTheAlgorithmToCompute()
    {
        var request = new TestRequest().Header("x-amz-sdk-checksum-algorithm", "crc64nvme");
        request.SignV4();

        var body = (await Authenticators.Create().ShouldAuthenticate(request)).Body;

        body.Algorithm.ShouldBe(ChecksumAlgorithm.Crc64Nvme);
        body.HeaderChecksum.ShouldBeNull();
    }

    [Fact]
    public async Task NoChecksum_ComputesNone()
    {
        var request = new TestRequest();
        request.SignV4();

        var body = (await Authenticators.Create().ShouldAuthenticate(request)).Body;

        body.Algorithm.ShouldBeNull();
        body.HeaderChecksum.ShouldBeNull();
    }

    [Fact]
    public async Task TwoChecksumHeaders_ReturnInvalidRequest()
    {
        var request = new TestRequest().Header("x-amz-checksum-crc32", "AAAAAA==").Header("x-amz-checksum-sha1", "2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
        request.SignV4();

        (await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest)).Message.ShouldContain("Multiple checksum Types");
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32", "AAAA")]
    [InlineData("x-amz-checksum-sha256", "AAAAAA==")]
    [InlineData("x-amz-checksum-crc32c", "not base64")]
    public async Task MalformedChecksumHeader_ReturnsInvalidDigest(string header, string value)
    {
        var request = new TestRequest().Header(header, value);
        request.SignV4();

        (await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidChecksum)).Message.ShouldBe($"Value for {header} header is invalid.");
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("CRC32,SHA1")]
    public async Task UnknownSdkAlgorithm_ReturnsInvalidRequest(string value)
    {
        var request = new TestRequest().Header("x-amz-sdk-checksum-algorithm", value);
        request.SignV4();

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest);
    }

    [Fact]
    public async Task SdkAlgorithmDisagreeingWithTheChecksumSent_ReturnsInvalidRequest()
    {
        var request = new TestRequest().Header("x-amz-checksum-crc32", "AAAAAA==").Header("x-amz-sdk-checksum-algorithm", "SHA256");
        request.SignV4();

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest);
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32", "UNSIGNED-PAYLOAD")] // a trailer without a trailer mode
    [InlineData("x-amz-meta-foo", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")] // not a checksum
    [InlineData("x-amz-checksum-crc32,x-amz-checksum-sha1", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")]
    public async Task UnsupportedXAmzTrailer_ReturnsInvalidRequest(string trailer, string payloadHash)
    {
        var request = new TestRequest().Header("x-amz-trailer", trailer).Header("x-amz-decoded-content-length", "0");
        request.SignV4(payloadHash: payloadHash);

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest);
    }

    [Fact]
    public async Task ChecksumInHeaderAndTrailer_ReturnsInvalidRequest()
    {
        var request = new TestRequest()
            .Header("x-amz-trailer", "x-amz-checksum-crc32")
            .Header("x-amz-checksum-crc32", "AAAAAA==")
            .Header("x-amz-decoded-content-length", "0");
        request.SignV4(payloadHash: "STREAMING-UNSIGNED-PAYLOAD-TRAILER");

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest);
    }
}
