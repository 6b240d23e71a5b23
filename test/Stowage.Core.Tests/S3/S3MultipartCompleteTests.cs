using Stowage.Core.Errors;
using System.Diagnostics;
using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;
using Xunit.Abstractions;
using static Stowage.Core.Tests.S3.MultipartFixture;

namespace Stowage.Core.Tests.S3;

/// <summary>CompleteMultipartUpload (docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html).</summary>
public sealed class S3MultipartCompleteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Complete_MakesTheObjectFromThreeParts_WithS3sMultipartETag()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1024);
        var bucket = await h.BucketAsync();
        var headers = new Dictionary<string, string> { ["content-type"] = "video/mp4", ["x-amz-meta-shot"] = "7" };
        var upload = await StartAsync(h, bucket, headers: headers);
        byte[][] contents = [TestBytes.Random(2048, seed: 1), TestBytes.Random(4096, seed: 2), TestBytes.Random(100, seed: 3)];
        var parts = new List<PartRecord>();
        for (var i = 0; i < contents.Length; i++)
        {
            parts.Add(await UploadAsync(h, bucket, upload, i + 1, contents[i]));
        }

        h.Time.AdvanceSeconds(3);

        var record = (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [.. parts.Select(Listed)], S3Harness.Ct)).ShouldSucceed();

        record.ETag.ShouldBe(S3Digests.MultipartETag(contents));
        record.ETag.ShouldEndWith("-3");
        record.Size.ShouldBe(2048 + 4096 + 100);
        record.PartsCount.ShouldBe(3);
        record.LastModified.ShouldBe(h.Time.GetUtcNow());
        record.Headers.ShouldBe(headers);
        record.Checksum.ShouldBeNull();
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes([.. contents.SelectMany(c => c)]);
        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldSucceed().ETag.ShouldBe(record.ETag);
        (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.ListPartsAsync(upload.UploadId, 0, 100, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Complete_UsesOnlyTheListedParts_InTheirOrder()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 10);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var one = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(50, seed: 1));
        await UploadAsync(h, bucket, upload, 2, TestBytes.Random(50, seed: 2));
        var five = await UploadAsync(h, bucket, upload, 5, TestBytes.Random(5, seed: 5));

        var record = (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one), Listed(five)], S3Harness.Ct)).ShouldSucceed();

        record.ETag.ShouldBe(S3Digests.MultipartETag(TestBytes.Random(50, seed: 1), TestBytes.Random(5, seed: 5)));
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes([.. TestBytes.Random(50, seed: 1), .. TestBytes.Random(5, seed: 5)]);
    }

    [Fact]
    public async Task Complete_ReplacesAnExistingObject()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, Key, TestBytes.Random(5000, seed: 7));
        var upload = await StartAsync(h, bucket);
        var part = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(10, seed: 8));

        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(part)], S3Harness.Ct)).ShouldSucceed();

        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes(TestBytes.Random(10, seed: 8));
    }

    [Theory]
    [InlineData("\"{0}\"")]
    [InlineData("{0}")]
    [InlineData("\"{1}\"")]
    [InlineData(" {0} ")]
    public async Task Complete_AcceptsTheETag_QuotedOrBare_InEitherCase(string format)
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var part = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(10));
        var etag = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, part.ETag, part.ETag.ToUpperInvariant());

        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [new CompletedPart(1, etag, null)], S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Complete_ReturnsMalformedXml_ForAnEmptyList()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);

        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [], S3Harness.Ct)).ShouldFailWith(StowageErrors.MalformedBody);
        (await h.Multipart.GetAsync(bucket, Key, upload.UploadId, S3Harness.Ct)).ShouldSucceed();
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 1)]
    [InlineData(1, 3, 2)]
    public async Task Complete_ReturnsInvalidPartOrder_WhenNumbersDoNotStrictlyAscend(params int[] numbers)
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var parts = new Dictionary<int, PartRecord>();
        foreach (var n in numbers.Distinct())
        {
            parts[n] = await UploadAsync(h, bucket, upload, n, [(byte)n]);
        }

        var complete = await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [.. numbers.Select(n => Listed(parts[n]))], S3Harness.Ct);

        complete.ShouldFailWith(StowageErrors.InvalidPartOrder);
        await ShouldStillBeOpenAsync(h, bucket, upload);
    }

    [Fact]
    public async Task Complete_ReturnsInvalidPart_ForAPartNeverUploaded()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var one = await UploadAsync(h, bucket, upload, 1, [1]);

        var complete = await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one), new CompletedPart(2, one.ETag, null)], S3Harness.Ct);

        complete.ShouldFailWith(StowageErrors.InvalidPart).Detail("PartNumber").ShouldBe(2);
        await ShouldStillBeOpenAsync(h, bucket, upload);
    }

    [Theory]
    [InlineData("\"00000000000000000000000000000000\"")]
    [InlineData("")]
    [InlineData("not-an-etag")]
    public async Task Complete_ReturnsInvalidPart_WhenAnETagIsNotThePartsETag(string etag)
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var one = await UploadAsync(h, bucket, upload, 1, [1]);
        await UploadAsync(h, bucket, upload, 2, [2]);

        var complete = await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one), new CompletedPart(2, etag, null)], S3Harness.Ct);

        complete.ShouldFailWith(StowageErrors.InvalidPart);
        await ShouldStillBeOpenAsync(h, bucket, upload);
    }

    [Fact]
    public async Task Complete_ReturnsInvalidPart_WhenAListedChecksumIsNotThePartsChecksum()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket, ChecksumAlgorithm.Sha256);
        var one = await UploadAsync(h, bucket, upload, 1, [1]);
        var wrong = new ChecksumValue(ChecksumAlgorithm.Sha256, Convert.ToBase64String(SHA256.HashData([2])));

        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one) with { Checksum = wrong }], S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidPart);
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one) with { Checksum = one.Checksum }], S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Complete_ReturnsEntityTooSmall_ForAPartOtherThanTheLastBelowTheMinimum()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1024);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var one = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(1024));
        var two = await UploadAsync(h, bucket, upload, 2, TestBytes.Random(1023));
        var three = await UploadAsync(h, bucket, upload, 3, TestBytes.Random(1));

        var complete = await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one), Listed(two), Listed(three)], S3Harness.Ct);

        var failure = complete.ShouldFailWith(StowageErrors.PartTooSmall);
        failure.Detail("PartNumber").ShouldBe(2);
        failure.Detail("ProposedSize").ShouldBe(1023L);
        failure.Detail("MinSizeAllowed").ShouldBe(1024L);
        await ShouldStillBeOpenAsync(h, bucket, upload);
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one), Listed(two)], S3Harness.Ct)).ShouldSucceed().Size.ShouldBe(2047);
    }

    [Fact]
    public async Task Complete_RefusesAFourMebibytePart_UnderTheDefault5MiBMinimum()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var one = await UploadAsync(h, bucket, upload, 1, TestBytes.Random(4 * 1024 * 1024));
        var two = await UploadAsync(h, bucket, upload, 2, TestBytes.Random(10));

        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one), Listed(two)], S3Harness.Ct)).ShouldFailWith(StowageErrors.PartTooSmall);
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(one)], S3Harness.Ct)).ShouldSucceed().Size.ShouldBe(4 * 1024 * 1024);
    }

    [Fact]
    public async Task Complete_ReturnsNoSuchUpload_ForAnUnknownUploadOrAnotherKeys()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var one = await UploadAsync(h, bucket, upload, 1, [1]);

        (await h.Multipart.CompleteAsync(bucket, Key, "unknown", [Listed(one)], S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        (await h.Multipart.CompleteAsync(bucket, "other/key", upload.UploadId, [Listed(one)], S3Harness.Ct)).ShouldFailWith(StowageErrors.MultipartUploadNotFound);
        await ShouldStillBeOpenAsync(h, bucket, upload);
    }

    [Fact]
    public async Task Complete_SucceedsOnce_WhenTwoCompletesRace()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var parts = new List<CompletedPart>();
        for (var n = 1; n <= 20; n++)
        {
            parts.Add(Listed(await UploadAsync(h, bucket, upload, n, TestBytes.Random(100, seed: n))));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, parts, S3Harness.Ct))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.Failure!.Error == StowageErrors.MultipartUploadNotFound);
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes([.. Enumerable.Range(1, 20).SelectMany(n => TestBytes.Random(100, seed: n))]);
    }

    [Fact]
    public async Task Complete_GivesACompositeChecksum_WhenTheUploadNamedAnAlgorithm()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket, ChecksumAlgorithm.Sha256);
        byte[][] contents = [TestBytes.Random(300, seed: 1), TestBytes.Random(200, seed: 2), TestBytes.Random(100, seed: 3)];
        var parts = new List<CompletedPart>();
        for (var i = 0; i < contents.Length; i++)
        {
            parts.Add(Listed(await UploadAsync(h, bucket, upload, i + 1, contents[i])));
        }

        var record = (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, parts, S3Harness.Ct)).ShouldSucceed();

        // "Checksum of checksums": SHA-256 over the parts' raw SHA-256 digests, base64, then "-3".
        var expected = Convert.ToBase64String(SHA256.HashData(contents.SelectMany(SHA256.HashData).ToArray())) + "-3";
        record.Checksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Sha256, expected));
        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldSucceed().Checksum.ShouldBe(record.Checksum);
    }

    [Fact]
    public async Task Complete_GivesTheWholeObjectsCrc64Nvme_CombinedFromThePartsCrcs()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket, ChecksumAlgorithm.Crc64Nvme);
        byte[][] contents = [TestBytes.Random(3000, seed: 1), TestBytes.Random(777, seed: 2), TestBytes.Random(1, seed: 3)];
        var parts = new List<CompletedPart>();
        for (var i = 0; i < contents.Length; i++)
        {
            parts.Add(Listed(await UploadAsync(h, bucket, upload, i + 1, contents[i])));
        }

        var record = (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, parts, S3Harness.Ct)).ShouldSucceed();

        var whole = contents.SelectMany(c => c).ToArray();
        record.Checksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Crc64Nvme, Convert.ToBase64String(IncrementalChecksum.HashData(ChecksumAlgorithm.Crc64Nvme, whole))));
    }

    [Fact]
    public async Task Complete_GivesNoChecksum_WhenTheUploadNamedNone_EvenIfPartsHadOne()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var part = await UploadAsync(h, bucket, upload, 1, [1, 2, 3], new ObjectWrite(new Dictionary<string, string>(), null, ChecksumAlgorithm.Crc32, null));

        part.Checksum.ShouldNotBeNull();
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [Listed(part)], S3Harness.Ct)).ShouldSucceed().Checksum.ShouldBeNull();
    }

    [Fact]
    public async Task Complete_JoinsAThousandParts_WithoutReadingThem()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 16);
        var bucket = await h.BucketAsync();
        var upload = await StartAsync(h, bucket);
        var contents = Enumerable.Range(1, 1000).Select(n => TestBytes.Random(16, seed: n)).ToArray();
        var parts = new List<CompletedPart>();
        for (var n = 1; n <= 1000; n++)
        {
            parts.Add(Listed(await UploadAsync(h, bucket, upload, n, contents[n - 1])));
        }

        var clock = Stopwatch.StartNew();
        var record = (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, parts, S3Harness.Ct)).ShouldSucceed();
        clock.Stop();
        output.WriteLine($"Completing 1,000 parts took {clock.Elapsed.TotalMilliseconds:0} ms.");

        record.ETag.ShouldBe(S3Digests.MultipartETag(contents));
        record.Size.ShouldBe(16_000);
        record.PartsCount.ShouldBe(1000);
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeBytes([.. contents.SelectMany(c => c)]);

        // The target is well under a second (issue 3, bench/ measures it); this only catches a cost per byte
        // or a quadratic slip, with room for a busy two-core machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    private static async Task ShouldStillBeOpenAsync(S3Harness h, S3Bucket bucket, MultipartUploadRecord upload)
    {
        (await h.Multipart.GetAsync(bucket, upload.Key, upload.UploadId, S3Harness.Ct)).ShouldSucceed();
        (await h.Objects.HeadAsync(bucket, upload.Key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
    }
}
