using System.Net;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// CompleteMultipartUpload refusing what S3 refuses (a non-final part under 5 MiB, a body that is not
/// XML, parts out of order, an ETag that is not the part's, an unknown upload), and no object appearing.
/// </summary>
public sealed class MultipartErrorTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.PlainBucket;
    private static readonly byte[] FiveMib = Infrastructure.TestData.Bytes(5 << 20, 421);
    private static readonly byte[] FourMib = Infrastructure.TestData.Bytes(4 << 20, 422);
    private static readonly byte[] Tail = Infrastructure.TestData.Bytes(1024, 423);

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task FiveMibPartThenASmallLastPart_Completes_TheControlForTheTestsBelow()
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        var first = await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, FiveMib);
        var last = await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 2, Tail);

        using var response = await _s3.CompleteAsync(fixture.AccountKey, Bucket, key, uploadId, RawS3.CompleteXml((1, first), (2, last)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await fixture.Objects.Sha256Async(Bucket, key)).ShouldBe(SigV4.Sha256Hex([.. FiveMib, .. Tail]));
    }

    [Fact]
    public async Task A4MibNonFinalPart_Is400EntityTooSmall()
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        var first = await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, FourMib);
        var last = await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 2, Tail);

        using var response = await _s3.CompleteAsync(fixture.AccountKey, Bucket, key, uploadId, RawS3.CompleteXml((1, first), (2, last)));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "EntityTooSmall");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task GarbageXml_Is400MalformedXml()
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, Tail);

        using var response = await _s3.CompleteAsync(fixture.AccountKey, Bucket, key, uploadId, "<CompleteMultipartUpload><Part><ETag>\"x\"</Part> this is not XML");

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "MalformedXML");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task PartsListedOutOfOrder_Is400InvalidPartOrder()
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        var first = await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, FiveMib);
        var last = await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 2, Tail);

        using var response = await _s3.CompleteAsync(fixture.AccountKey, Bucket, key, uploadId, RawS3.CompleteXml((2, last), (1, first)));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "InvalidPartOrder");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task AnETagThatIsNotThePartsOwn_Is400InvalidPart()
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, Tail);

        using var response = await _s3.CompleteAsync(fixture.AccountKey, Bucket, key, uploadId, RawS3.CompleteXml((1, "\"0123456789abcdef0123456789abcdef\"")));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "InvalidPart");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task CompleteOfAnUnknownUpload_Is404NoSuchUpload()
    {
        var key = S3ServerFixture.NewKey();

        using var response = await _s3.CompleteAsync(fixture.AccountKey, Bucket, key, "no-such-upload-" + Guid.NewGuid().ToString("N"), RawS3.CompleteXml((1, "\"0123456789abcdef0123456789abcdef\"")));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.NotFound, "NoSuchUpload");
    }

    public void Dispose() => _s3.Dispose();
}
