using Stowage.Core.Errors;
using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;
using static Stowage.Core.Tests.S3.MultipartFixture;

namespace Stowage.Core.Tests.S3;

/// <summary>Create, UploadPart, Abort and the listings (docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html).</summary>
public sealed class S3MultipartServiceTests
{
    [Fact]
    public async Task Create_StoresTheUpload_WithALongUrlSafeId_ItsHeadersAndChecksumAlgorithm()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var headers = new Dictionary<string, string> { ["content-type"] = "video/mp4" };

        var upload = await StartAsync(h, bucket, ChecksumAlgorithm.Crc32, headers: headers);

        upload.UploadId.Length.ShouldBeGreaterThanOrEqualTo(40);
        upload.UploadId.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c));
        upload.Bucket.ShouldBe(bucket.Name);
        upload.Key.ShouldBe(Key);
        upload.AccountId.ShouldBe(bucket.AccountId);
        upload.Initiated.ShouldBe(h.Time.GetUtcNow());
        var stored = (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldSucceed();
        stored.Headers.ShouldBe(headers);
        stored.ChecksumAlgorithm.ShouldBe(ChecksumAlgorithm.Crc32);
    }

    [Fact]
    public async Task UploadPart_StoresThePart_WithItsMd5AsETag()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var content = TestBytes.Random(70_000);

        var part = await UploadAsync(h, bucket, upload, 7, content);

        part.ShouldBe(new PartRecord(upload.UploadId, 7, content.Length, S3Digests.Md5Hex(content), null, h.Time.GetUtcNow()));
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBe([part]);
    }

    [Fact]
    public async Task UploadPart_ReplacesAPartSentAgain()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        await UploadAsync(h, bucket, upload, 1, TestBytes.Random(100, seed: 1));

        var again = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(200, seed: 2));

        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBe([again]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public async Task UploadPart_ReturnsInvalidArgument_ForAPartNumberOutside1To10000(int partNumber)
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);

        var put = await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, partNumber, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.InvalidField).Message.ShouldBe("Part number must be an integer between 1 and 10000, inclusive");
    }

    [Fact]
    public async Task UploadPart_AcceptsPartNumbers1And10000()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);

        await UploadAsync(h, bucket, upload, 1, [1]);
        await UploadAsync(h, bucket, upload, 10_000, [2]);

        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).Select(p => p.PartNumber).ShouldBe([1, 10_000]);
    }

    [Fact]
    public async Task UploadPart_ReturnsNoSuchUpload_ForAnUnknownUploadOrAnotherKeysUpload()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var other = await h.BucketAsync("other-bucket");
        var upload = await StartAsync(h, bucket);

        (await h.Multipart.UploadPartAsync(bucket, Key, "nosuchupload", 1, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.UploadPartAsync(bucket, "another/key", upload.UploadId, 1, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.UploadPartAsync(other, Key, upload.UploadId, 1, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UploadPart_ReturnsBadDigest_AndKeepsTheEarlierPartOfThatNumber()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 100);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var first = TestBytes.Random(500, seed: 1);
        var kept = await UploadAsync(h, bucket, upload, 1, first);
        var second = TestBytes.Random(500, seed: 2);

        var bad = await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1, new MemoryStream(second), second.Length,
            new ObjectWrite(new Dictionary<string, string>(), S3Digests.Md5(first), null, null), S3Harness.Ct);

        bad.ShouldFailWith(StowageErrors.ChecksumMismatch);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBe([kept]);
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(kept)], S3Harness.Ct)).ShouldSucceed();
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes(first);
    }

    [Fact]
    public async Task UploadPart_ReturnsEntityTooLarge_ForAPartAboveTheLimit()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MaxObjectBytes = 1000);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);

        (await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1, new MemoryStream(TestBytes.Random(1001)), null, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.FileTooLarge);
        (await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1, new MemoryStream([]), 5000, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.FileTooLarge);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UploadPart_ComputesTheUploadsChecksum_WhenThePartNamesNone()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket, ChecksumAlgorithm.Sha256);
        var content = TestBytes.Random(1000);

        var part = await UploadAsync(h, bucket, upload, 1, content);

        part.Checksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Sha256, Convert.ToBase64String(SHA256.HashData(content))));
    }

    [Fact]
    public async Task UploadPart_ReturnsInvalidRequest_WhenThePartsChecksumIsNotTheUploads()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket, ChecksumAlgorithm.Sha256);

        var put = await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1, new MemoryStream([1]), 1,
            new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Crc32, null), S3Harness.Ct);

        put.ShouldFailWith(StowageErrors.InvalidRequest);
    }

    [Fact]
    public async Task UploadPart_ReturnsTheFailure_OfAnS3ContentExceptionFromTheBody_AndStoresNothing()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var failure = Core.Errors.Failure.Of(StowageErrors.ChecksumMismatch);

        var put = await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1,
            new FailingStream(TestBytes.Random(100_000), 60_000, failure: new S3ContentException(failure)), 100_000, ObjectWrite.Plain, S3Harness.Ct);

        put.Failure.ShouldBeSameAs(failure);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UploadPart_ReturnsNoSuchUpload_WhenTheUploadIsAbortedWhileThePartStreams()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var body = new GatedStream(TestBytes.Random(1000));

        var put = h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 1, body, 1000, ObjectWrite.Plain, S3Harness.Ct);
        await body.Reading;
        (await h.Multipart.AbortAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldBeNull();
        body.Release();

        (await put).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeNull();
    }

    [Fact]
    public async Task Abort_DeletesTheUploadAndItsParts_AndLaterCallsFindNoUpload()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var existing = await h.PutAsync(bucket, Key, TestBytes.Random(10, seed: 9));
        var upload = await StartAsync(h, bucket);
        var part = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(100));

        (await h.Multipart.AbortAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldBeNull();

        (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
        (await h.Multipart.AbortAsync(bucket, Key, upload.UploadId, S3Harness.Ct))!.Error.ShouldBe(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.UploadPartAsync(bucket, Key, upload.UploadId, 2, new MemoryStream([1]), 1, ObjectWrite.Plain, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(part)], S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        await S3ObjectServicePutTests.ShouldStillBeAsync(h, bucket, existing, TestBytes.Random(10, seed: 9));
    }

    [Fact]
    public async Task Abort_ReturnsNoSuchUpload_ForAnUnknownUploadOrAnotherKeys()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);

        (await h.Multipart.AbortAsync(bucket, Key, "unknown", S3Harness.Ct))!.Error.ShouldBe(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.AbortAsync(bucket, "other", upload.UploadId, S3Harness.Ct))!.Error.ShouldBe(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task ListUploads_ReturnsTheBucketsOpenUploads_ByKey()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var b = await StartAsync(h, bucket, key: "b/file");
        var a = await StartAsync(h, bucket, key: "a/file");
        var c = await StartAsync(h, bucket, key: "c/file");
        await h.Multipart.AbortAsync(bucket, c.Key, c.UploadId, S3Harness.Ct);

        var uploads = await h.Multipart.ListUploadsAsync(bucket, "", null, null, 100, S3Harness.Ct);

        uploads.Select(u => u.UploadId).ShouldBe([a.UploadId, b.UploadId]);
    }

    [Fact]
    public async Task ListParts_PagesAfterAPartNumber()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        foreach (var n in new[] { 3, 1, 2, 5 })
        {
            await UploadAsync(h, bucket, upload, n, [(byte)n]);
        }

        (await h.Multipart.ListPartsAsync(upload.UploadId, 1, 2, S3Harness.Ct)).Select(p => p.PartNumber).ShouldBe([2, 3]);
    }
}
