using Stowage.Server.Protocols.S3;
using System.Text;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Protocols.S3.Streaming;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Streaming;

public sealed class AwsChunkedStreamTests
{
    private const string Timestamp = "20261121T192838Z";
    private const string Seed = "57e85c9134d97bca335264fb423b4ee65b2f8e4d551e614b627c90f1e251a2c8";
    private static readonly SigV4Scope Scope = new("20261121", "us-east-1", "s3");
    private static readonly byte[] Key = SigningKeys.Derive("chunk secret", Scope);
    private static readonly byte[] Payload = AwsChunkedBodies.Payload(102_400);
    private static readonly ChecksumValue PayloadCrc32 = new(ChecksumAlgorithm.Crc32, Convert.ToBase64String(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32, Payload)));

    public static TheoryData<int> ReadSizes => [1, 2, 7, 100, 4096, 8191, 65_536, 1_000_000];

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void SignedWithTrailer_DecodesAsAwsSdkDotNetSendsIt(int readSize)
    {
        // 80 KiB chunks, CRC32 trailer, trailer signature (reference/s3-wire, AWSSDK.S3 4.0.104.5 defaults).
        var stream = Signed(SignedBody(81_920, PayloadCrc32), trailer: true);

        stream.TrailerChecksum.ShouldBeNull();
        StreamReading.ReadAll(stream, readSize).ShouldBe(Payload);
        stream.TrailerChecksum.ShouldBe(PayloadCrc32);
        stream.DecodedBytes.ShouldBe(Payload.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8193)]
    public async Task SignedWithTrailer_DecodesFromABodyThatTricklesIn(int piece)
    {
        var body = SignedBody(65_536, PayloadCrc32);
        var stream = new AwsChunkedStream(new TrickleStream(body, piece), Options(signed: true, trailer: true));

        (await StreamReading.ReadAllAsync(stream, 50_000)).ShouldBe(Payload);
        stream.TrailerChecksum.ShouldBe(PayloadCrc32);
    }

    [Fact]
    public void SignedWithoutTrailer_DecodesAsWhenRequiredSends()
    {
        var stream = Signed(SignedBody(81_920, trailer: null), trailer: false);

        StreamReading.ReadAll(stream).ShouldBe(Payload);
        stream.TrailerChecksum.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void UnsignedWithTrailer_DecodesAsTheJsSdkSendsIt(int readSize)
    {
        // 64 KiB chunks: 10000\r\n<65536>\r\n9000\r\n<36864>\r\n0\r\nx-amz-checksum-crc32:…\r\n\r\n
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, PayloadCrc32);
        Encoding.ASCII.GetString(body, 0, 7).ShouldBe("10000\r\n");
        var stream = new AwsChunkedStream(new TrickleStream(body, 1000), Options(signed: false, trailer: true));

        StreamReading.ReadAll(stream, readSize).ShouldBe(Payload);
        stream.TrailerChecksum.ShouldBe(PayloadCrc32);
    }

    [Fact]
    public void Unsigned_IgnoresAChunkSignatureExtension()
    {
        var body = SignedBody(81_920, PayloadCrc32);

        StreamReading.ReadAll(new AwsChunkedStream(new MemoryStream(body), Options(signed: false, trailer: true))).ShouldBe(Payload);
    }

    [Fact]
    public void Signed_AcceptsUppercaseHexSignatures()
    {
        var body = Encoding.Latin1.GetString(SignedBody(81_920, PayloadCrc32));
        var upper = System.Text.RegularExpressions.Regex.Replace(body[..200], "chunk-signature=([0-9a-f]{64})", m => "chunk-signature=" + m.Groups[1].Value.ToUpperInvariant());

        StreamReading.ReadAll(Signed(Encoding.Latin1.GetBytes(upper + body[200..]), trailer: true)).ShouldBe(Payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(81_919)]
    [InlineData(81_920)]
    [InlineData(102_399)]
    public void Signed_Throws_WhenChunkDataWasTampered(int payloadIndex)
    {
        var body = SignedBody(81_920, PayloadCrc32);
        body[IndexOfPayloadByte(body, payloadIndex)] ^= 0x01;

        ShouldFail(Signed(body, trailer: true), S3Errors.SignatureDoesNotMatch);
    }

    [Theory]
    [InlineData("14000;chunk-signature=")]
    [InlineData("5000;chunk-signature=")]
    [InlineData("0;chunk-signature=")]
    public void Signed_Throws_WhenAChunkSignatureWasTampered(string line)
    {
        var body = SignedBody(81_920, PayloadCrc32);
        var at = IndexOf(body, line) + line.Length;
        body[at] = (byte)(body[at] == 'a' ? 'b' : 'a');

        ShouldFail(Signed(body, trailer: true), S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public void Signed_Throws_WhenChunksWereReordered()
    {
        // Equal-sized chunks, swapped with their signatures: each is valid alone, the chain is not.
        var payload = AwsChunkedBodies.Payload(3 * 8192, seed: 9);
        var body = Encoding.Latin1.GetString(AwsChunkedBodies.Signed(payload, 8192, Key, Timestamp, Scope, Seed));
        var chunks = body.Split("2000;chunk-signature=");
        var swapped = chunks[0] + "2000;chunk-signature=" + chunks[2] + "2000;chunk-signature=" + chunks[1] + "2000;chunk-signature=" + chunks[3];

        ShouldFail(
            new AwsChunkedStream(new MemoryStream(Encoding.Latin1.GetBytes(swapped)), new AwsChunkedOptions(payload.Length, new ChunkSignatureChain(Key, Timestamp, Scope, Seed), false, null)),
            S3Errors.SignatureDoesNotMatch,
            "the chunk ending at payload byte 8192 does not match");
    }

    [Fact]
    public void Signed_Throws_ForAnotherSeed()
    {
        var stream = new AwsChunkedStream(
            new MemoryStream(SignedBody(81_920, PayloadCrc32)),
            new AwsChunkedOptions(Payload.Length, new ChunkSignatureChain(Key, Timestamp, Scope, new string('0', 64)), true, ChecksumAlgorithm.Crc32));

        ShouldFail(stream, S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public void Signed_Throws_WhenAChunkHasNoSignature()
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 81_920, PayloadCrc32);

        ShouldFail(Signed(body, trailer: true), S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public void SignedTrailer_Throws_WhenTheTrailerSignatureIsWrong()
    {
        var body = Encoding.Latin1.GetString(SignedBody(81_920, PayloadCrc32));
        var at = body.IndexOf("x-amz-trailer-signature:", StringComparison.Ordinal) + "x-amz-trailer-signature:".Length;
        var tampered = body[..at] + (body[at] == 'a' ? 'b' : 'a') + body[(at + 1)..];

        ShouldFail(Signed(Encoding.Latin1.GetBytes(tampered), trailer: true), S3Errors.SignatureDoesNotMatch, "the trailer signature does not match");
    }

    [Fact]
    public void SignedTrailer_Throws_WhenTheChecksumWasChangedAfterSigning()
    {
        var body = Encoding.Latin1.GetString(SignedBody(81_920, PayloadCrc32));
        var tampered = body.Replace($"x-amz-checksum-crc32:{PayloadCrc32.Base64}", "x-amz-checksum-crc32:AAAAAA==", StringComparison.Ordinal);

        ShouldFail(Signed(Encoding.Latin1.GetBytes(tampered), trailer: true), S3Errors.SignatureDoesNotMatch, "the trailer signature does not match");
    }

    [Fact]
    public void SignedTrailer_Throws_WithoutATrailerSignature()
    {
        var body = Encoding.Latin1.GetString(SignedBody(81_920, PayloadCrc32));
        var start = body.IndexOf("x-amz-trailer-signature:", StringComparison.Ordinal);
        var stripped = body[..start] + "\r\n";

        ShouldFail(Signed(Encoding.Latin1.GetBytes(stripped), trailer: true), S3Errors.SignatureDoesNotMatch, "no x-amz-trailer-signature");
    }

    [Fact]
    public void Trailer_Throws_WhenTheDeclaredChecksumDidNotArrive()
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, trailer: null);

        ShouldFail(new AwsChunkedStream(new MemoryStream(body), Options(signed: false, trailer: true)), StowageErrors.IncompleteBody);
    }

    [Fact]
    public void Trailer_Throws_ForAChecksumThatWasNotDeclared()
    {
        var crc32C = new ChecksumValue(ChecksumAlgorithm.Crc32C, Convert.ToBase64String(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32C, Payload)));
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, crc32C);

        ShouldFail(new AwsChunkedStream(new MemoryStream(body), Options(signed: false, trailer: true)), StowageErrors.InvalidRequest);
    }

    [Fact]
    public void Trailer_Throws_InvalidDigest_ForAMalformedChecksum()
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, new ChecksumValue(ChecksumAlgorithm.Crc32, "not base64!"));

        ShouldFail(new AwsChunkedStream(new MemoryStream(body), Options(signed: false, trailer: true)), StowageErrors.InvalidChecksum);
    }

    [Fact]
    public void NoTrailerMode_Throws_WhenTrailerLinesFollow()
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, PayloadCrc32);

        ShouldFail(new AwsChunkedStream(new MemoryStream(body), new AwsChunkedOptions(Payload.Length, null, false, null)), StowageErrors.InvalidRequest);
    }

    [Fact]
    public void NoTrailerMode_AcceptsABodyThatEndsRightAfterTheFinalChunk()
    {
        var body = SignedBody(81_920, trailer: null);

        StreamReading.ReadAll(Signed(body[..^2], trailer: false)).ShouldBe(Payload);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(50_000)]
    [InlineData(82_020)]
    [InlineData(150)] // from the end: inside the trailer
    [InlineData(2)] // from the end: the final CRLF of a trailer body
    public void Throws_IncompleteBody_WhenTheBodyIsTruncated(int cut)
    {
        var body = SignedBody(81_920, PayloadCrc32);
        var truncated = cut is 150 or 2 ? body[..^cut] : body[..cut];

        ShouldFail(Signed(truncated, trailer: true), StowageErrors.IncompleteBody);
    }

    [Theory]
    [InlineData(102_401)]
    [InlineData(102_399)]
    public void Throws_IncompleteBody_WhenTheDecodedLengthIsNotTheDeclaredOne(long declared)
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, PayloadCrc32);
        var stream = new AwsChunkedStream(new MemoryStream(body), new AwsChunkedOptions(declared, null, true, ChecksumAlgorithm.Crc32));

        ShouldFail(stream, StowageErrors.IncompleteBody);
    }

    [Theory]
    [InlineData("zz\r\n")]
    [InlineData("\r\n")]
    [InlineData(";chunk-signature=abc\r\n")]
    [InlineData("10\n0123456789abcdef\r\n")]
    [InlineData("4\r\nabcdXY")]
    [InlineData("ffffffffffffffffff\r\n")]
    public void Throws_InvalidRequest_ForBrokenFraming(string start)
    {
        var stream = new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes(start + "0\r\n\r\n")), new AwsChunkedOptions(4, null, false, null));

        ShouldFail(stream, StowageErrors.InvalidRequest);
    }

    [Fact]
    public void Signed_Throws_InvalidRequest_ForAChunkAbove16MiB()
    {
        var stream = new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes("1000001;chunk-signature=" + Seed + "\r\n")), Options(signed: true, trailer: false));

        ShouldFail(stream, StowageErrors.InvalidRequest, "larger than 16777216");
    }

    [Fact]
    public void Unsigned_DecodesABodySentAsOneChunkAbove16MiB()
    {
        // AWSSDK.S3 with DisablePayloadSigning sends the whole body as one unsigned chunk with a CRC32 trailer.
        var payload = AwsChunkedBodies.Payload(20 * 1024 * 1024 + 3);
        var crc = new ChecksumValue(ChecksumAlgorithm.Crc32, Convert.ToBase64String(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc32, payload)));
        var body = AwsChunkedBodies.Unsigned(payload, payload.Length, crc);
        var stream = new AwsChunkedStream(new MemoryStream(body), new AwsChunkedOptions(payload.Length, null, true, ChecksumAlgorithm.Crc32));

        StreamReading.ReadAll(stream, 1 << 20).ShouldBe(payload);
        stream.TrailerChecksum.ShouldBe(crc);
    }

    [Fact]
    public void Throws_InvalidRequest_ForAnEndlessLine()
    {
        var line = new string('1', AwsChunkedLimits.MaxLineBytes + 10);

        ShouldFail(new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes(line)), new AwsChunkedOptions(1, null, false, null)), StowageErrors.InvalidRequest);
    }

    [Fact]
    public void Throws_InvalidRequest_ForAnEndlessTrailer()
    {
        var trailer = string.Concat(Enumerable.Repeat("x-amz-checksum-crc32:AAAAAA==\r\n", 1000));
        var body = Encoding.ASCII.GetBytes("0\r\n" + trailer + "\r\n");

        ShouldFail(new AwsChunkedStream(new MemoryStream(body), new AwsChunkedOptions(0, null, true, ChecksumAlgorithm.Crc32)), StowageErrors.InvalidRequest);
    }

    [Fact]
    public void Throws_InvalidRequest_WhenBytesFollowTheEnd()
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, PayloadCrc32).Concat("garbage"u8.ToArray()).ToArray();

        ShouldFail(new AwsChunkedStream(new MemoryStream(body), Options(signed: false, trailer: true)), StowageErrors.InvalidRequest);
    }

    [Fact]
    public void EmptyPayload_Decodes()
    {
        var empty = new ChecksumValue(ChecksumAlgorithm.Crc32, "AAAAAA==");
        var stream = new AwsChunkedStream(new MemoryStream(AwsChunkedBodies.Unsigned([], 65_536, empty)), new AwsChunkedOptions(0, null, true, ChecksumAlgorithm.Crc32));

        StreamReading.ReadAll(stream).ShouldBeEmpty();
        stream.TrailerChecksum.ShouldBe(empty);
    }

    [Fact]
    public void Signed_VerifiesTheLastChunk_ForACallerThatStopsAtTheDecodedLength()
    {
        // A caller that reads exactly x-amz-decoded-content-length bytes and never asks for the end.
        var body = SignedBody(81_920, PayloadCrc32);
        body[IndexOfPayloadByte(body, 102_399)] ^= 0x01;
        var stream = Signed(body, trailer: true);
        var buffer = new byte[Payload.Length];

        stream.ReadExactly(buffer, 0, 102_000);
        Should.Throw<S3BodyException>(() => stream.ReadExactly(buffer, 102_000, 400)).Failure.Error.ShouldBe(S3Errors.SignatureDoesNotMatch);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TrailerChecksum_IsKnown_AsSoonAsTheLastByteIsRead(bool signed)
    {
        var body = signed ? SignedBody(81_920, PayloadCrc32) : AwsChunkedBodies.Unsigned(Payload, 65_536, PayloadCrc32);
        var stream = new AwsChunkedStream(new TrickleStream(body, 5000), Options(signed, trailer: true));
        var buffer = new byte[Payload.Length];

        await stream.ReadExactlyAsync(buffer);

        buffer.ShouldBe(Payload);
        stream.TrailerChecksum.ShouldBe(PayloadCrc32);
    }

    [Fact]
    public void Throws_AsSoonAsTheDeclaredLengthIsExceeded_EvenIfTheCallerStopsThere()
    {
        var body = AwsChunkedBodies.Unsigned(Payload, 65_536, PayloadCrc32);
        var stream = new AwsChunkedStream(new MemoryStream(body), new AwsChunkedOptions(65_536, null, true, ChecksumAlgorithm.Crc32));

        Should.Throw<S3BodyException>(() => stream.ReadExactly(new byte[65_536])).Failure.Error.ShouldBe(StowageErrors.IncompleteBody);
    }

    [Fact]
    public void Read_AfterAFailure_ThrowsTheSameFailureAgain()
    {
        var body = SignedBody(81_920, PayloadCrc32);
        body[IndexOfPayloadByte(body, 5)] ^= 0x01;
        var stream = Signed(body, trailer: true);

        var first = Should.Throw<S3BodyException>(() => StreamReading.ReadAll(stream));
        Should.Throw<S3BodyException>(() => stream.ReadByte()).ShouldBeSameAs(first);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_FillsTheWholeBufferAcrossChunks_AndReturnsLessOnlyAtTheEnd(bool signed)
    {
        // 8 KiB chunks, read from the network in 5,000-byte pieces: one read still spans many chunks.
        var body = signed ? SignedBody(8_192, PayloadCrc32) : AwsChunkedBodies.Unsigned(Payload, 8_192, PayloadCrc32);
        var stream = new AwsChunkedStream(new TrickleStream(body, 5000), Options(signed, trailer: true));
        var buffer = new byte[Payload.Length];

        (await stream.ReadAsync(buffer.AsMemory(0, 60_000))).ShouldBe(60_000);
        (await stream.ReadAsync(buffer.AsMemory(60_000))).ShouldBe(Payload.Length - 60_000);
        (await stream.ReadAsync(new byte[10])).ShouldBe(0);

        buffer.ShouldBe(Payload);
        stream.TrailerChecksum.ShouldBe(PayloadCrc32);
    }

    [Fact]
    public async Task ReadAsync_AndRead_AgreeOnTheSameBody()
    {
        var body = SignedBody(81_920, PayloadCrc32);

        (await StreamReading.ReadAllAsync(Signed(body, trailer: true), 10_000)).ShouldBe(StreamReading.ReadAll(Signed(body, trailer: true), 10_000));
    }

    private static byte[] SignedBody(int chunkSize, ChecksumValue? trailer) =>
        AwsChunkedBodies.Signed(Payload, chunkSize, Key, Timestamp, Scope, Seed, trailer);

    private static AwsChunkedStream Signed(byte[] body, bool trailer) => new(new MemoryStream(body), Options(signed: true, trailer));

    private static AwsChunkedOptions Options(bool signed, bool trailer) =>
        new(Payload.Length, signed ? new ChunkSignatureChain(Key, Timestamp, Scope, Seed) : null, trailer, trailer ? ChecksumAlgorithm.Crc32 : null);

    private static void ShouldFail(Stream stream, ErrorCode expected, string? because = null)
    {
        var thrown = Should.Throw<S3BodyException>(() => StreamReading.ReadAll(stream, 4096));
        thrown.Failure.Error.ShouldBe(expected, thrown.Message);
        if (because is not null)
        {
            thrown.Message.ShouldContain(because);
        }
    }

    private static int IndexOf(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text));

    /// <summary>Where payload byte <paramref name="index"/> sits in a signed body of 81,920-byte chunks.</summary>
    private static int IndexOfPayloadByte(byte[] body, int index)
    {
        var firstHeader = IndexOf(body, "\r\n") + 2;
        if (index < 81_920)
        {
            return firstHeader + index;
        }

        var secondHeader = firstHeader + 81_920 + 2;
        return secondHeader + IndexOf(body[secondHeader..], "\r\n") + 2 + (index - 81_920);
    }
}
