using Stowage.Server.Protocols.S3;
using Stowage.Core.Errors;
using System.Security.Cryptography;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Streaming;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Streaming;

public sealed class PayloadSha256StreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    public void Read_PassesTheBodyThrough_WhenItMatchesItsDigest(int length)
    {
        var body = AwsChunkedBodies.Payload(length);

        StreamReading.ReadAll(new PayloadSha256Stream(new TrickleStream(body, 777), SHA256.HashData(body)), 1000).ShouldBe(body);
    }

    [Fact]
    public async Task Read_ThrowsXAmzContentSha256Mismatch_AtTheEnd_WhenItDoesNot()
    {
        var body = AwsChunkedBodies.Payload(10_000);
        var expected = SHA256.HashData(body);
        body[9_999] ^= 1;
        var stream = new PayloadSha256Stream(new MemoryStream(body), expected);
        var buffer = new byte[10_000];

        (await stream.ReadAsync(buffer)).ShouldBe(10_000);
        var thrown = await Should.ThrowAsync<S3BodyException>(() => stream.ReadAsync(buffer).AsTask());

        thrown.Failure.Error.ShouldBe(S3Errors.XAmzContentSha256Mismatch);
        thrown.Failure.Details["ClientComputedContentSHA256"].ShouldBe(Convert.ToHexStringLower(expected));
        thrown.Failure.Details["S3ComputedContentSHA256"].ShouldBe(Convert.ToHexStringLower(SHA256.HashData(body)));
        thrown.ShouldBeAssignableTo<S3ContentException>();
    }

    [Fact]
    public void Read_ThrowsOnTheReadThatDeliversTheLastDeclaredByte_ForACallerThatStopsThere()
    {
        var body = AwsChunkedBodies.Payload(10_000);
        var expected = SHA256.HashData(body);
        body[0] ^= 1;
        var stream = new PayloadSha256Stream(new MemoryStream(body), expected, length: 10_000);
        var buffer = new byte[10_000];

        stream.ReadExactly(buffer, 0, 5_000);
        Should.Throw<S3BodyException>(() => stream.ReadExactly(buffer, 0, 5_000)).Failure.Error.ShouldBe(S3Errors.XAmzContentSha256Mismatch);
    }

    [Fact]
    public void Read_Throws_WhenMoreThanTheDeclaredLengthArrives()
    {
        var body = AwsChunkedBodies.Payload(100);
        var stream = new PayloadSha256Stream(new TrickleStream(body, 60), SHA256.HashData(body[..50]), length: 50);
        var buffer = new byte[50];

        stream.ReadExactly(buffer);
        Should.Throw<S3BodyException>(() => stream.ReadExactly(buffer)).Failure.Error.ShouldBe(StowageErrors.IncompleteBody);
    }

    [Fact]
    public void Read_WithAnEmptyBuffer_DoesNotEndTheBody()
    {
        var body = AwsChunkedBodies.Payload(10);
        var stream = new PayloadSha256Stream(new MemoryStream(body), SHA256.HashData(body));

        stream.Read([]).ShouldBe(0);
        StreamReading.ReadAll(stream).ShouldBe(body);
    }
}
