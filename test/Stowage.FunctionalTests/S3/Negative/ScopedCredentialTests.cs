using System.Net;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// The policy of a temporary credential (issue 3, section 3): PutObject and the multipart operations on
/// exactly its key, PutObject and CreateMultipartUpload only with <c>x-amz-acl: bucket-owner-full-control</c>,
/// everything else AccessDenied, ExpiredToken after its expiration.
/// </summary>
public sealed class ScopedCredentialTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Bucket = S3ServerFixture.DottedBucket;
    private static readonly byte[] Body = Infrastructure.TestData.Bytes(2000, 411);
    private static readonly Dictionary<string, string> OwnerAcl = new() { ["x-amz-acl"] = "bucket-owner-full-control" };

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task PutOfItsKeyWithTheAcl_IsStored_TheControlForTheTestsBelow()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.PutAsync(credential, Bucket, key, Body, OwnerAcl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        credential.AccessKeyId.ShouldStartWith("ASIA");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldNotBeNull().Length.ShouldBe(Body.Length);
    }

    [Fact]
    public async Task PutOfAnotherKey_Is403AccessDenied()
    {
        var key = S3ServerFixture.NewKey();
        var other = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.PutAsync(credential, Bucket, other, Body, OwnerAcl);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        (await fixture.Objects.HeadAsync(Bucket, other)).ShouldBeNull();
    }

    [Fact]
    public async Task PutOfItsKeyInAnotherBucket_Is403AccessDenied()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.PutAsync(credential, S3ServerFixture.PlainBucket, key, Body, OwnerAcl);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        (await fixture.Objects.HeadAsync(S3ServerFixture.PlainBucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task PutWithoutTheAcl_Is403AccessDenied()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.PutAsync(credential, Bucket, key, Body);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task PutWithAnotherCannedAcl_Is403AccessDenied()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.PutAsync(credential, Bucket, key, Body, new Dictionary<string, string> { ["x-amz-acl"] = "public-read" });

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateMultipartUploadWithoutTheAcl_Is403AccessDenied()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.CreateMultipartUploadAsync(credential, Bucket, key);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task GetOfItsOwnKey_Is403AccessDenied()
    {
        var key = S3ServerFixture.NewKey();
        await fixture.Objects.PutAsync(Bucket, key, Body);
        var credential = await fixture.ScopedCredentialAsync(Bucket, key);

        using var response = await _s3.GetAsync(credential, Bucket, key);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task ExpiredCredential_Is400ExpiredToken()
    {
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(Bucket, key, TimeSpan.FromSeconds(2));
        var expiration = credential.Expiration.ShouldNotBeNull("a temporary credential states when it expires");
        expiration.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(5));
        var wait = expiration - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        using var response = await _s3.PutAsync(credential, Bucket, key, Body, OwnerAcl);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.BadRequest, "ExpiredToken");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    public void Dispose() => _s3.Dispose();
}
