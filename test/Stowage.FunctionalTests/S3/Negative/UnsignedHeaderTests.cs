using System.Net;
using System.Xml.Linq;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// x-amz-* headers that the signature does not cover, sent to the real server on signed and presigned
/// requests: 403 AccessDenied "There were headers present in the request which were not signed", naming them in
/// HeadersNotSigned, and nothing stored (docs/protocols/s3.md, "Unsigned headers").
/// </summary>
public sealed class UnsignedHeaderTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.DottedBucket;
    private static readonly byte[] Body = Infrastructure.TestData.Bytes(2000, 441);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task SignedPut_WithAnUnsignedUserMetadataHeader_Is403_AndStoresNothing()
    {
        var key = S3ServerFixture.NewKey();
        var request = SignedRequest.Create(HttpMethod.Put, _s3.ObjectUri(Bucket, key), fixture.AccountKey, SigV4.Sha256Hex(Body));
        request.Message.Headers.Add("x-amz-meta-injected", "not signed");

        using var response = await _s3.SendAsync(request.WithContent(Body));

        await ShouldBeRefusedAsync(response, "x-amz-meta-injected");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task TemporaryCredentialsPut_WithAnUnsignedAcl_Is403_AndStoresNothing()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);
        var request = SignedRequest.Create(HttpMethod.Put, _s3.ObjectUri(Bucket, key), credential, SigV4.Sha256Hex(Body));
        request.Message.Headers.Add("x-amz-acl", "bucket-owner-full-control");

        using var response = await _s3.SendAsync(request.WithContent(Body));

        await ShouldBeRefusedAsync(response, "x-amz-acl");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task PresignedPut_IsStored_TheControlForTheTestBelow()
    {
        var key = S3ServerFixture.NewKey();
        var (url, _) = await fixture.Cli.PresignAsync(fixture.AccountKey, fixture.Endpoint, "PUT", Bucket, key, "15m", emptyContentType: false);

        using var response = await Http.PutAsync(url, new ByteArrayContent(Body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldNotBeNull().Length.ShouldBe(Body.Length);
    }

    [Fact]
    public async Task PresignedPut_WithUnsignedAmzHeaders_Is403_AndStoresNothing()
    {
        var key = S3ServerFixture.NewKey();
        var (url, _) = await fixture.Cli.PresignAsync(fixture.AccountKey, fixture.Endpoint, "PUT", Bucket, key, "15m", emptyContentType: false);
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(Body) };
        put.Headers.Add("x-amz-meta-injected", "not signed");
        put.Headers.Add("x-amz-checksum-crc32", AmzCrc32.Base64(Body));

        using var response = await Http.SendAsync(put);

        await ShouldBeRefusedAsync(response, "x-amz-checksum-crc32, x-amz-meta-injected");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    public void Dispose() => _s3.Dispose();

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string headersNotSigned)
    {
        var error = await S3Error.ReadAsync(response);
        error.ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        error.Message.ShouldBe("There were headers present in the request which were not signed");
        XDocument.Parse(error.Body).Root!.Element("HeadersNotSigned")!.Value.ShouldBe(headersNotSigned);
    }
}
