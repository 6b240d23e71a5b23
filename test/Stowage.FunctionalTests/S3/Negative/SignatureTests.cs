using System.Net;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// Requests signed by the tests (<see cref="SignedRequest"/>) with one thing wrong, each refused with S3's
/// status and code, and none of them leaving an object behind. The first test is the control: the same
/// signer with nothing wrong is accepted, so a refusal below is the server's judgement of that one flaw.
/// </summary>
public sealed class SignatureTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.DottedBucket;
    private static readonly byte[] Body = Infrastructure.TestData.Bytes(3000, 401);

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task CorrectlySignedPut_IsStored_TheControlForTheTestsBelow()
    {
        var key = S3ServerFixture.NewKey();

        using var response = await _s3.PutAsync(fixture.AccountKey, Bucket, key, Body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldNotBeNull().Length.ShouldBe(Body.Length);
    }

    [Fact]
    public async Task WrongSecret_Is403SignatureDoesNotMatch()
    {
        var key = S3ServerFixture.NewKey();

        using var response = await _s3.PutAsync(fixture.AccountKey.WithSecret("not-the-secret-" + Guid.NewGuid().ToString("N")), Bucket, key, Body);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task UnknownAccessKey_Is403InvalidAccessKeyId()
    {
        var key = S3ServerFixture.NewKey();
        var stranger = new S3Credential("AKIA" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), "some-secret", null, null, null, null, null);

        using var response = await _s3.PutAsync(stranger, Bucket, key, Body);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "InvalidAccessKeyId");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task ClockSkewedBy20Minutes_SignedCorrectly_Is403RequestTimeTooSkewed()
    {
        var key = S3ServerFixture.NewKey();

        using var response = await _s3.PutAsync(fixture.AccountKey, Bucket, key, Body, time: DateTimeOffset.UtcNow.AddMinutes(-20));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "RequestTimeTooSkewed");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task PayloadHashOfAnotherBody_Is400XAmzContentSHA256Mismatch()
    {
        var key = S3ServerFixture.NewKey();
        var request = SignedRequest.Create(HttpMethod.Put, _s3.ObjectUri(Bucket, key), fixture.AccountKey, SigV4.Sha256Hex("something else"u8));

        using var response = await _s3.SendAsync(request.WithContent(Body));

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "XAmzContentSHA256Mismatch");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task ContentMd5OfAnotherBody_Is400BadDigest()
    {
        var key = S3ServerFixture.NewKey();
        var headers = new Dictionary<string, string> { ["content-md5"] = RawS3.ContentMd5([1, 2, 3]) };

        using var response = await _s3.PutAsync(fixture.AccountKey, Bucket, key, Body, headers);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "BadDigest");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    public void Dispose() => _s3.Dispose();
}
