using Stowage.Server.Protocols.S3;
using Stowage.Core.Errors;
using System.Globalization;
using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Protocols.S3.Streaming;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

/// <summary>aws-chunked uploads through the authenticator, framed as the SDKs of reference/s3-wire frame them.</summary>
public sealed class StreamingUploadTests
{
    private static readonly byte[] Payload = AwsChunkedBodies.Payload(102_400, seed: 3);
    private static readonly ChecksumValue Crc32 = new(ChecksumAlgorithm.Crc32, Convert.ToBase64String(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32, Payload)));
    private static readonly SigV4Scope Scope = new("20261121", "us-east-1", "s3");

    [Fact]
    public async Task SignedStreamingWithTrailer_AsAwsSdkDotNetSendsIt_Decodes()
    {
        var request = SignedStreaming(SigV4.StreamingSignedPayloadTrailer, Crc32, tamper: false);

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        authenticated.Body.DecodedLength.ShouldBe(102_400);
        authenticated.Body.Algorithm.ShouldBe(ChecksumAlgorithm.Crc32);
        authenticated.Body.HeaderChecksum.ShouldBeNull();
        authenticated.Body.TrailerChecksum().ShouldBeNull();
        (await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe(Payload);
        authenticated.Body.TrailerChecksum().ShouldBe(Crc32);
    }

    [Fact]
    public async Task SignedStreaming_AsWhenRequiredSendsIt_Decodes()
    {
        var request = SignedStreaming(SigV4.StreamingSignedPayload, trailer: null, tamper: false);

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        authenticated.Body.Algorithm.ShouldBeNull();
        (await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe(Payload);
    }

    [Fact]
    public async Task SignedStreaming_WithATamperedChunk_FailsWhileReading()
    {
        var request = SignedStreaming(SigV4.StreamingSignedPayloadTrailer, Crc32, tamper: true);

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        (await Should.ThrowAsync<S3BodyException>(() => StreamReading.ReadAllAsync(authenticated.Body.Content)))
            .Failure.Error.ShouldBe(S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public async Task UnsignedStreamingWithTrailer_AsTheJsSdkSendsIt_OverHttpChunks_Decodes()
    {
        // Transfer-Encoding: chunked, no Content-Length; HTTP chunks do not line up with aws chunks.
        var request = new TestRequest { Body = AwsChunkedBodies.Unsigned(Payload, 65_536, Crc32), BodyStream = body => new TrickleStream(body, 1) }
            .Header("Transfer-Encoding", "chunked")
            .Header("Content-Encoding", "aws-chunked")
            .Header("x-amz-decoded-content-length", "102400")
            .Header("x-amz-trailer", "x-amz-checksum-crc32")
            .Header("x-amz-sdk-checksum-algorithm", "CRC32");
        request.SignV4(payloadHash: SigV4.StreamingUnsignedPayloadTrailer);

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        (await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe(Payload);
        authenticated.Body.TrailerChecksum().ShouldBe(Crc32);
    }

    [Fact]
    public async Task Streaming_WithoutTheDecodedLength_ReturnsMissingContentLength()
    {
        var request = new TestRequest { Body = AwsChunkedBodies.Unsigned(Payload, 65_536, Crc32) }.Header("x-amz-trailer", "x-amz-checksum-crc32");
        request.SignV4(payloadHash: SigV4.StreamingUnsignedPayloadTrailer);

        await Authenticators.Create().ShouldFail(request, StowageErrors.LengthRequired);
    }

    [Fact]
    public async Task TrailerMode_WithoutXAmzTrailer_ReturnsInvalidRequest()
    {
        var request = new TestRequest { Body = AwsChunkedBodies.Unsigned(Payload, 65_536, Crc32) }.Header("x-amz-decoded-content-length", "102400");
        request.SignV4(payloadHash: SigV4.StreamingUnsignedPayloadTrailer);

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest);
    }

    private static TestRequest SignedStreaming(string mode, ChecksumValue? trailer, bool tamper)
    {
        var request = new TestRequest()
            .Header("Content-Encoding", "aws-chunked")
            .Header("x-amz-decoded-content-length", "102400")
            .Header("x-amz-acl", "bucket-owner-full-control");
        if (trailer is not null)
        {
            request.Header("x-amz-trailer", "x-amz-checksum-crc32").Header("x-amz-sdk-checksum-algorithm", "CRC32");
        }

        // The encoded length is signed (content-length), so compute the body first with a placeholder seed.
        var length = AwsChunkedBodies.Signed(Payload, 81_920, new byte[32], "x", Scope, new string('0', 64), trailer).Length;
        request.Header("Content-Length", length.ToString(CultureInfo.InvariantCulture));
        var seed = request.SignV4(payloadHash: mode);
        var body = AwsChunkedBodies.Signed(Payload, 81_920, SigningKeys.Derive(TestRequest.Secret, Scope), "20261121T192838Z", Scope, seed, trailer);
        body.Length.ShouldBe(length);
        if (tamper)
        {
            body[1000] ^= 0x20;
        }

        request.Body = body;
        return request;
    }
}
