using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Presigning;

/// <summary>
/// The core's presigning service, through <c>stowage s3 presign</c>: the URLs it signs are accepted by the
/// running endpoint with a plain HTTP client, for PUT (with the empty Content-Type the Links API asks for) and
/// GET, and stop working when they expire (docs/protocols/s3.md, "Authentication").
/// </summary>
public sealed class PresignCommandTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 defines the ETag as MD5; the test computes the same identifier.")]
    public async Task PresignedPut_WithAnEmptyContentType_StoresTheObject_AndAPresignedGetReadsItBack()
    {
        var key = S3ServerFixture.NewKey("raw");
        var data = RandomNumberGenerator.GetBytes(300_000);
        var (putUrl, headers) = await fixture.Cli.PresignAsync(fixture.AccountKey, fixture.Endpoint, "PUT", S3ServerFixture.DottedBucket, key, "15m", emptyContentType: true);
        headers.ShouldBe(new Dictionary<string, string> { ["Content-Type"] = string.Empty });

        using var content = new ByteArrayContent(data);
        content.Headers.TryAddWithoutValidation("Content-Type", string.Empty);
        using var put = await Http.PutAsync(putUrl, content);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        put.Headers.ETag!.Tag.ShouldBe($"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"");
        var (getUrl, _) = await fixture.Cli.PresignAsync(fixture.AccountKey, fixture.Endpoint, "GET", S3ServerFixture.DottedBucket, key, "15m", emptyContentType: false);
        (await Http.GetByteArrayAsync(getUrl)).ShouldBe(data);
    }

    [Fact]
    public async Task PresignedPut_SignedForAnEmptyContentType_IsRefused_WithAnotherContentType()
    {
        var key = S3ServerFixture.NewKey("raw");
        var (putUrl, _) = await fixture.Cli.PresignAsync(fixture.AccountKey, fixture.Endpoint, "PUT", S3ServerFixture.DottedBucket, key, "15m", emptyContentType: true);

        using var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var put = await Http.PutAsync(putUrl, content);

        (await S3Error.ReadAsync(put)).ShouldBe(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        (await fixture.Objects.HeadAsync(S3ServerFixture.DottedBucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task PresignedUrl_IsRefusedWithAccessDenied_OnceExpired()
    {
        var key = S3ServerFixture.NewKey("raw");
        await fixture.Objects.PutAsync(S3ServerFixture.DottedBucket, key, [7, 7, 7]);
        var (getUrl, _) = await fixture.Cli.PresignAsync(fixture.AccountKey, fixture.Endpoint, "GET", S3ServerFixture.DottedBucket, key, "1s", emptyContentType: false);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var get = await Http.GetAsync(getUrl);

        var error = await S3Error.ReadAsync(get);
        error.ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        error.Message.ShouldNotBeNull().ShouldContain("expired");
    }
}
