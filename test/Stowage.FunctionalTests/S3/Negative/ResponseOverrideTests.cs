using System.Net;
using System.Xml.Linq;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// GetObject's response-* overrides become response headers; a value an HTTP header cannot carry (a control
/// character, anything beyond ASCII) is 400 InvalidArgument naming the parameter, not a 500 from the server's
/// header validation (docs/protocols/s3.md, "Operations").
/// </summary>
public sealed class ResponseOverrideTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.PlainBucket;

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task AsciiOverride_IsAnsweredAsTheHeader_TheControlForTheTestBelow()
    {
        var key = S3ServerFixture.NewKey("txt");
        await fixture.Objects.PutAsync(Bucket, key, [1, 2, 3]);

        using var response = await GetAsync(key, "?response-content-disposition=attachment%3B%20filename%2A%3DUTF-8%27%27caf%25C3%25A9.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentDisposition!.ToString().ShouldBe("attachment; filename*=UTF-8''caf%C3%A9.txt");
    }

    [Theory]
    [InlineData("response-content-type", "%01")]
    [InlineData("response-content-disposition", "attachment%3B%20filename%3Dcaf%C3%A9.txt")]
    [InlineData("response-cache-control", "%EF%BF%BF")]
    public async Task OverrideAHeaderCannotCarry_Is400InvalidArgumentNamingIt(string parameter, string value)
    {
        var key = S3ServerFixture.NewKey("txt");
        await fixture.Objects.PutAsync(Bucket, key, [1, 2, 3]);

        using var response = await GetAsync(key, $"?{parameter}={value}");

        var error = await S3Error.ReadAsync(response);
        error.ShouldBe(HttpStatusCode.BadRequest, "InvalidArgument");
        XDocument.Parse(error.Body).Root!.Element("ArgumentName")!.Value.ShouldBe(parameter);
    }

    public void Dispose() => _s3.Dispose();

    private Task<HttpResponseMessage> GetAsync(string key, string query) =>
        _s3.SendAsync(SignedRequest.Create(HttpMethod.Get, _s3.ObjectUri(Bucket, key, query), fixture.AccountKey, SigV4.EmptySha256).WithoutContent());
}
