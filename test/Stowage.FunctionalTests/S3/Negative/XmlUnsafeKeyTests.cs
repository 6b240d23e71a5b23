using System.Net;
using System.Xml.Linq;
using Amazon.S3;
using Amazon.S3.Model;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// Keys and listing parameters holding characters XML 1.0 cannot carry (U+0001, U+0000, U+FFFF), sent to the
/// real server: refused with 400 InvalidArgument at write, 400 naming the parameter in a listing unless
/// encoding-type=url is given (then URL-encoded, as S3 does), and never a 500 (docs/protocols/s3.md, "Keys and XML").
/// </summary>
public sealed class XmlUnsafeKeyTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.PlainBucket;
    private static readonly byte[] Body = Infrastructure.TestData.Bytes(100, 431);

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Theory]
    [InlineData("%01")]
    [InlineData("%1F")]
    [InlineData("%EF%BF%BF")]
    public async Task PutObject_OfAKeyXmlCannotCarry_Is400InvalidArgument_AndTheBucketStillLists(string encoded)
    {
        var folder = NewFolder();

        using var put = await _s3.PutAsync(fixture.AccountKey, Bucket, $"{folder}ctrl-{encoded}.bin", Body);

        var error = await S3Error.ReadAsync(put);
        error.ShouldBe(HttpStatusCode.BadRequest, "InvalidArgument");
        XDocument.Parse(error.Body).Root!.Element("Resource")!.Value.ShouldBe($"/{Bucket}/{folder}ctrl-{encoded}.bin");
        using var list = await GetAsync($"{Bucket}?list-type=2&prefix={Uri.EscapeDataString(folder)}");
        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        Keys(await list.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task AwsSdkPutObject_OfAKeyHoldingU0001_FailsWithInvalidArgument()
    {
        var key = NewFolder() + "ctrl-\u0001.bin";
        using var client = DotNetS3Client.Create(fixture.Endpoint, fixture.AccountKey);

        var ex = await Should.ThrowAsync<AmazonS3Exception>(() => client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "x" }));

        ex.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ex.ErrorCode.ShouldBe("InvalidArgument");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateMultipartUpload_OfAKeyHoldingU0002_Is400InvalidArgument()
    {
        using var response = await _s3.CreateMultipartUploadAsync(fixture.AccountKey, Bucket, NewFolder() + "up-%02");

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "InvalidArgument");
    }

    [Fact]
    public async Task GetObject_OfAMissingKeyHoldingU0001_Is404NoSuchKey_InWellFormedXml()
    {
        using var response = await _s3.GetAsync(fixture.AccountKey, Bucket, NewFolder() + "missing-%01");

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.NotFound, "NoSuchKey");
    }

    [Fact]
    public async Task AKeyWithCarriageReturns_ListsBackExactly_WithoutEncoding()
    {
        // A literal CR in XML reads back as LF (XML 1.0 section 2.11); the answer must carry it as &#xD;.
        var folder = NewFolder();
        var key = folder + "cr-\r\n-\r.bin";
        await fixture.Objects.PutAsync(Bucket, key, Body);

        using var raw = await GetAsync($"{Bucket}?list-type=2&prefix={Uri.EscapeDataString(folder)}");
        Keys(await raw.Content.ReadAsStringAsync()).ShouldBe([key]);
        using var client = DotNetS3Client.Create(fixture.Endpoint, fixture.AccountKey);
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = folder });
        listed.S3Objects.Select(static o => o.Key).ShouldBe([key]);
    }

    [Theory]
    [InlineData("list-type=2&prefix=%00", "prefix")]
    [InlineData("list-type=2&start-after=%EF%BF%BF", "start-after")]
    [InlineData("list-type=2&delimiter=%01", "delimiter")]
    [InlineData("marker=%EF%BF%BF", "marker")]
    [InlineData("prefix=%00", "prefix")]
    [InlineData("uploads&key-marker=%EF%BF%BF", "key-marker")]
    [InlineData("uploads&prefix=%01", "prefix")]
    public async Task ListingParameter_XmlCannotCarry_Is400InvalidArgumentNamingIt_WithoutEncodingType(string query, string parameter)
    {
        using var response = await GetAsync($"{Bucket}?{query}");

        var error = await S3Error.ReadAsync(response);
        error.ShouldBe(HttpStatusCode.BadRequest, "InvalidArgument");
        XDocument.Parse(error.Body).Root!.Element("ArgumentName")!.Value.ShouldBe(parameter);
    }

    [Theory]
    [InlineData("list-type=2&prefix=%00", "Prefix", "%00")]
    [InlineData("list-type=2&start-after=%EF%BF%BF", "StartAfter", "%EF%BF%BF")]
    [InlineData("list-type=2&delimiter=%01", "Delimiter", "%01")]
    [InlineData("marker=%EF%BF%BF", "Marker", "%EF%BF%BF")]
    [InlineData("uploads&key-marker=%EF%BF%BF", "KeyMarker", "%EF%BF%BF")]
    [InlineData("uploads&prefix=%01", "Prefix", "%01")]
    public async Task ListingParameter_XmlCannotCarry_IsEchoedUrlEncoded_WithEncodingTypeUrl(string query, string element, string echoed)
    {
        using var response = await GetAsync($"{Bucket}?{query}&encoding-type=url");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var root = XDocument.Parse(body).Root!;
        root.Elements().Single(e => e.Name.LocalName == element).Value.ShouldBe(echoed);
        root.Elements().Single(e => e.Name.LocalName == "EncodingType").Value.ShouldBe("url");
    }

    [Fact]
    public async Task ListMultipartUploads_WithEncodingTypeUrl_EncodesTheKeys()
    {
        var key = NewFolder() + "an upload é.bin";
        var uploadId = await _s3.StartMultipartUploadAsync(fixture.AccountKey, Bucket, key);

        using var response = await GetAsync($"{Bucket}?uploads&encoding-type=url&prefix={Uri.EscapeDataString(key)}");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var upload = XDocument.Parse(body).Root!.Elements().Single(e => e.Name.LocalName == "Upload");
        upload.Elements().Single(e => e.Name.LocalName == "Key").Value.ShouldBe(Uri.EscapeDataString(key).Replace("%2F", "/", StringComparison.Ordinal));
        upload.Elements().Single(e => e.Name.LocalName == "UploadId").Value.ShouldBe(uploadId);
    }

    public void Dispose() => _s3.Dispose();

    private static string NewFolder() => $"xmlkeys/{Guid.NewGuid():N}/";

    private static List<string> Keys(string listing) =>
        [.. XDocument.Parse(listing).Descendants().Where(static e => e.Name.LocalName == "Key").Select(static e => e.Value)];

    private Task<HttpResponseMessage> GetAsync(string pathAndQuery) =>
        _s3.SendAsync(SignedRequest.Create(HttpMethod.Get, new Uri(fixture.Endpoint, pathAndQuery), fixture.AccountKey, SigV4.EmptySha256).WithoutContent());
}
