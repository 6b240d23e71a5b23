using System.Net;
using System.Text;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// docs/protocols/s3.md, "Listener and addressing": a path or query escape that is not UTF-8 (<c>%FF</c>, or
/// <c>%ED%A0%80</c>, a UTF-16 surrogate) is 400 InvalidURI, as on AWS. Before, <c>PUT /b/%FF</c> stored the
/// key "%FF", the key <c>/b/%25FF</c> names. Complete bodies that are not UTF-8 are MalformedXML.
/// </summary>
public sealed class EncodingTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.PlainBucket;

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Theory]
    [InlineData("%FF.bin")]
    [InlineData("dir/a%ED%A0%80.bin")]
    [InlineData("caf%C3.bin")]
    [InlineData("%C0%AF.bin")]
    public async Task PutObject_Is400InvalidUri_WhenTheKeyIsNotUtf8_AndStoresNothing(string rawKey)
    {
        using var response = await _s3.PutAsync(fixture.AccountKey, Bucket, rawKey, [1, 2, 3]);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "InvalidURI");
        (await fixture.Objects.HeadAsync(Bucket, Uri.UnescapeDataString(rawKey))).ShouldBeNull();
    }

    [Fact]
    public async Task GetObject_Is400InvalidUri_AndDoesNotReadTheObjectWhoseKeyIsThoseCharacters()
    {
        var key = $"%FF-{Guid.NewGuid():N}.bin";
        await fixture.Objects.PutAsync(Bucket, key, [7, 8, 9]);

        using var raw = await _s3.GetAsync(fixture.AccountKey, Bucket, key);
        using var encoded = await _s3.GetAsync(fixture.AccountKey, Bucket, key.Replace("%", "%25", StringComparison.Ordinal));

        (await S3Error.ReadAsync(raw)).ShouldBe(HttpStatusCode.BadRequest, "InvalidURI");
        encoded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await encoded.Content.ReadAsByteArrayAsync()).ShouldBe(new byte[] { 7, 8, 9 });
    }

    [Theory]
    [InlineData("GET", "?list-type=2&prefix=%FF")]
    [InlineData("GET", "?list-type=2&start-after=a%ED%A0%80")]
    [InlineData("GET", "?uploads&key-marker=%FF")]
    [InlineData("DELETE", "k?uploadId=%FF")]
    [InlineData("PUT", "k?partNumber=1&uploadId=%ED%A0%80")]
    public async Task AQueryEscapeThatIsNotUtf8_Is400InvalidUri(string method, string target)
    {
        var uri = new Uri(fixture.Endpoint, $"{Bucket}/{target}");

        using var response = await _s3.SendAsync(SignedRequest.Create(new HttpMethod(method), uri, fixture.AccountKey, SigV4.EmptySha256).WithContent([]));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "InvalidURI");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC3 })]
    public async Task Complete_Is400MalformedXml_WhenTheBodyIsNotUtf8(byte[] etagBytes)
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, [1, 2, 3]);
        byte[] body = [.. "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"u8, .. etagBytes, .. "</ETag></Part></CompleteMultipartUpload>"u8];

        using var response = await _s3.CompleteBytesAsync(fixture.AccountKey, Bucket, key, uploadId, body);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "MalformedXML");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Theory]
    [InlineData("&#xD800;")]
    [InlineData("&#56320;")]
    public async Task Complete_Is400MalformedXml_WhenTheBodyHoldsALoneSurrogateReference(string reference)
    {
        var key = S3ServerFixture.NewKey();
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);
        await _s3.UploadPartAsync(fixture.AccountKey, Bucket, key, uploadId, 1, [1, 2, 3]);
        var body = Encoding.UTF8.GetBytes($"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>{reference}</ETag></Part></CompleteMultipartUpload>");

        using var response = await _s3.CompleteBytesAsync(fixture.AccountKey, Bucket, key, uploadId, body);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "MalformedXML");
    }

    public void Dispose() => _s3.Dispose();
}
