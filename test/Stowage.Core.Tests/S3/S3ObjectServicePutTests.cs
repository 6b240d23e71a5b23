using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>PutObject: the ETag and checksums computed while streaming, verified before the object becomes visible.</summary>
public sealed class S3ObjectServicePutTests
{
    private const string Key = "gallery/ig12345/a3K9.jpg";

    [Fact]
    public async Task Put_StoresTheBytesAndTheRecord_WithTheMd5AsETag()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var content = TestBytes.Random(300_000);
        var headers = new Dictionary<string, string> { ["content-type"] = "image/jpeg", ["x-amz-meta-camera"] = "X100" };

        var record = await h.PutAsync(bucket, Key, content, new ObjectWrite(headers, null, null, null));

        record.ShouldBe(new S3ObjectRecord(bucket.Name, Key, content.Length, S3Digests.Md5Hex(content), h.Time.GetUtcNow(), headers, null, null, record.Blob), new RecordComparer());
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes(content);
        var head = (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldSucceed();
        head.ETag.ShouldBe(S3Digests.Md5Hex(content));
        head.Size.ShouldBe(content.Length);
        head.Headers.ShouldBe(headers);
        head.LastModified.ShouldBe(h.Time.GetUtcNow());
    }

    [Fact]
    public async Task Put_StoresAnEmptyObject_WithTheMd5OfNothing()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();

        var record = await h.PutAsync(bucket, "empty", []);

        record.Size.ShouldBe(0);
        record.ETag.ShouldBe("d41d8cd98f00b204e9800998ecf8427e");
        (await h.ReadBlobAsync(bucket, "empty")).ShouldBeBytes([]);
    }

    [Fact]
    public async Task Put_ReplacesAnExistingObject()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, Key, TestBytes.Random(1000, seed: 1));
        var second = TestBytes.Random(500, seed: 2);
        h.Time.AdvanceSeconds(5);

        await h.PutAsync(bucket, Key, second);

        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes(second);
        var head = (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldSucceed();
        head.ETag.ShouldBe(S3Digests.Md5Hex(second));
        head.LastModified.ShouldBe(h.Time.GetUtcNow());
    }

    [Fact]
    public async Task Put_Succeeds_WhenTheContentMd5Matches()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var content = TestBytes.Random(10_000);

        var record = await h.PutAsync(bucket, Key, content, new ObjectWrite(new Dictionary<string, string>(), S3Digests.Md5(content), null, null));

        record.ETag.ShouldBe(S3Digests.Md5Hex(content));
    }

    [Fact]
    public async Task Put_ReturnsBadDigest_WhenTheContentMd5Differs_AndTheOldObjectStays()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var old = await h.PutAsync(bucket, Key, TestBytes.Random(1000, seed: 1));
        var content = TestBytes.Random(2000, seed: 2);
        var wrongMd5 = S3Digests.Md5(TestBytes.Random(2000, seed: 3));

        var put = await h.Objects.PutAsync(bucket, Key, new MemoryStream(content), content.Length, new ObjectWrite(new Dictionary<string, string>(), wrongMd5, null, null), S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.ChecksumMismatch);
        await ShouldStillBeAsync(h, bucket, old, TestBytes.Random(1000, seed: 1));
    }

    [Fact]
    public async Task Put_ComputesTheRequestedChecksum_WithoutOneToVerify()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var content = "123456789"u8.ToArray();

        var crc = await h.PutAsync(bucket, "crc", content, new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Crc32, null));
        var sha = await h.PutAsync(bucket, "sha", content, new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Sha256, null));

        // The CRC-32 check value of "123456789" is 0xCBF43926 (the catalogue of parametrised CRC algorithms, CRC-32/ISO-HDLC).
        crc.Checksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Crc32, Convert.ToBase64String([0xCB, 0xF4, 0x39, 0x26])));
        sha.Checksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Sha256, Convert.ToBase64String(SHA256.HashData(content))));
        (await h.Objects.HeadAsync(bucket, "crc", S3Harness.Ct)).ShouldSucceed().Checksum.ShouldBe(crc.Checksum);
    }

    [Fact]
    public async Task Put_VerifiesATrailerChecksum_KnownOnlyOnceTheBodyHasEnded()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var content = TestBytes.Random(70_000);
        var stream = new MemoryStream(content);
        var expected = new ChecksumValue(ChecksumAlgorithm.Sha1, Convert.ToBase64String(S3Digests.Sha1(content)));
        var askedAt = -1L;

        var write = new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Sha1, () =>
        {
            askedAt = stream.Position;
            return expected;
        });
        var record = (await h.Objects.PutAsync(bucket, Key, stream, null, write, S3Harness.Ct)).ShouldSucceed();

        askedAt.ShouldBe(content.Length);
        record.Checksum.ShouldBe(expected);
    }

    [Fact]
    public async Task Put_ReturnsBadDigest_WhenTheChecksumDiffers_AndTheOldObjectStays()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var old = await h.PutAsync(bucket, Key, TestBytes.Random(1000, seed: 1));
        var content = TestBytes.Random(3000, seed: 2);
        var wrong = new ChecksumValue(ChecksumAlgorithm.Sha256, Convert.ToBase64String(SHA256.HashData(TestBytes.Random(3000, seed: 3))));

        var put = await h.Objects.PutAsync(bucket, Key, new MemoryStream(content), content.Length,
            new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Sha256, () => wrong), S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.ChecksumMismatch).Message.ShouldBe("The SHA256 you specified did not match the calculated checksum.");
        await ShouldStillBeAsync(h, bucket, old, TestBytes.Random(1000, seed: 1));
    }

    [Fact]
    public async Task Put_ReturnsBadDigest_ForTheJsSdksEmptyCrc32_OnANonEmptyBody()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var zero = new ChecksumValue(ChecksumAlgorithm.Crc32, "AAAAAA==");

        var put = await h.Objects.PutAsync(bucket, Key, new MemoryStream([1, 2, 3]), 3,
            new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Crc32, () => zero), S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.ChecksumMismatch);
        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeNull();
    }

    [Fact]
    public async Task Put_ReturnsEntityTooLarge_BeforeReading_WhenTheDeclaredLengthIsAboveTheLimit()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MaxObjectBytes = 1000);
        var bucket = await h.BucketAsync();

        var put = await h.Objects.PutAsync(bucket, Key, new FailingStream([], failAfter: 0), 1001, ObjectWrite.Plain, S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.FileTooLarge);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(500L)]
    public async Task Put_ReturnsEntityTooLarge_WhileStreaming_WhenTheBodyPassesTheLimit_WhateverWasDeclared(long? declared)
    {
        await using var h = await S3Harness.CreateAsync(o => o.MaxObjectBytes = 1000);
        var bucket = await h.BucketAsync();
        var old = await h.PutAsync(bucket, Key, TestBytes.Random(10));

        var put = await h.Objects.PutAsync(bucket, Key, new MemoryStream(TestBytes.Random(5000)), declared, ObjectWrite.Plain, S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.FileTooLarge);
        await ShouldStillBeAsync(h, bucket, old, TestBytes.Random(10));
    }

    [Fact]
    public async Task Put_AcceptsABodyOfExactlyTheLimit()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MaxObjectBytes = 1000);
        var bucket = await h.BucketAsync();

        (await h.PutAsync(bucket, Key, TestBytes.Random(1000))).Size.ShouldBe(1000);
    }

    [Theory]
    [InlineData(100, 99)]
    [InlineData(100, 101)]
    public async Task Put_ReturnsIncompleteBody_WhenTheBodyIsNotTheDeclaredLength(int actual, long declared)
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();

        var put = await h.Objects.PutAsync(bucket, Key, new MemoryStream(TestBytes.Random(actual)), declared, ObjectWrite.Plain, S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.IncompleteBody);
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeNull();
    }

    [Fact]
    public async Task Put_ReturnsTheFailure_OfAnS3ContentExceptionFromTheBody_AndTheOldObjectStays()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var old = await h.PutAsync(bucket, Key, TestBytes.Random(1000, seed: 1));
        var badChunk = Failure.Because(StowageErrors.AccessDenied, "chunk 2");

        // What the front door's aws-chunked reader does on a chunk whose signature does not verify.
        var body = new FailingStream(TestBytes.Random(200_000, seed: 2), 150_000, failure: new S3ContentException(badChunk));
        var put = await h.Objects.PutAsync(bucket, Key, body, 200_000, ObjectWrite.Plain, S3Harness.Ct);

        put.Failure.ShouldBeSameAs(badChunk);
        await ShouldStillBeAsync(h, bucket, old, TestBytes.Random(1000, seed: 1));
    }

    [Fact]
    public async Task Put_Throws_WhenTheClientGoesAway_AndTheOldObjectStays()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var old = await h.PutAsync(bucket, Key, TestBytes.Random(1000, seed: 1));

        await Should.ThrowAsync<IOException>(() => h.Objects.PutAsync(bucket, Key, new FailingStream(TestBytes.Random(100_000), 50_000), 100_000, ObjectWrite.Plain, S3Harness.Ct));

        await ShouldStillBeAsync(h, bucket, old, TestBytes.Random(1000, seed: 1));
    }

    [Fact]
    public async Task Put_ReturnsInvalidArgument_ForAnEmptyKey_OrOneThatIsNotUnicode()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var loneSurrogate = "photo" + (char)0xD800 + ".jpg";

        (await h.Objects.PutAsync(bucket, "", new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidField);
        (await h.Objects.PutAsync(bucket, loneSurrogate, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidField);
    }

    [Fact]
    public async Task Put_AcceptsA1024ByteKey_AndRefuses1025()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var longest = "é" + new string('k', 1022);

        (await h.Objects.PutAsync(bucket, longest, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldSucceed();
        (await h.Objects.PutAsync(bucket, longest + "k", new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidField);
    }

    internal static async Task ShouldStillBeAsync(S3Harness h, S3Bucket bucket, S3ObjectRecord record, byte[] content)
    {
        (await h.Objects.HeadAsync(bucket, record.Key, S3Harness.Ct)).ShouldSucceed().ETag.ShouldBe(record.ETag);
        (await h.ReadBlobAsync(bucket, record.Key)).ShouldBeBytes(content);
    }

    /// <summary>Records hold dictionaries, which records compare by reference.</summary>
    private sealed class RecordComparer : IEqualityComparer<S3ObjectRecord>
    {
        public bool Equals(S3ObjectRecord? x, S3ObjectRecord? y) =>
            x is not null && y is not null && x with { Headers = y.Headers } == y && x.Headers.OrderBy(p => p.Key).SequenceEqual(y.Headers.OrderBy(p => p.Key));

        public int GetHashCode(S3ObjectRecord obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
