using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// AWSSDK.S3 without ForcePathStyle against a server told its virtual-host domain: the bucket travels
/// in the Host header (<c>stowage-ft-plain.s3.stowage.test</c>), and the object is the same one
/// path-style requests see.
/// </summary>
public sealed class VirtualHostedStyleTests(VirtualHostServerFixture fixture) : IClassFixture<VirtualHostServerFixture>
{
    private const string Bucket = S3ServerFixture.PlainBucket;

    [Fact]
    public async Task PutAndGet_WithTheBucketInTheHostName_StoreAndReadTheSameObjectAsPathStyle()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var hosts = new LoopbackHttpClientFactory();
        using var client = VirtualHostClient(await fixture.ScopedCredentialAsync(Bucket, key), hosts);

        var put = await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, FilePath = file.Path, CannedACL = S3CannedACL.BucketOwnerFullControl });

        put.HttpStatusCode.ShouldBe(HttpStatusCode.OK);
        put.ETag.ShouldBe($"\"{file.Md5}\"");
        hosts.Hosts.ShouldNotBeEmpty("the SDK did not go through the loopback factory");
        hosts.Hosts.ShouldAllBe(h => h == $"{Bucket}.{VirtualHostServerFixture.Domain}", "the SDK addressed the bucket by host name");
        await fixture.Objects.ShouldHoldAsync(Bucket, key, file, file.Md5);

        using var reader = VirtualHostClient(fixture.AccountKey, hosts);
        using var get = await reader.GetObjectAsync(Bucket, key);
        await using var body = get.ResponseStream;
        Convert.ToHexStringLower(await SHA256.HashDataAsync(body)).ShouldBe(file.Sha256);
    }

    private AmazonS3Client VirtualHostClient(S3Credential credential, LoopbackHttpClientFactory factory)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = $"http://{VirtualHostServerFixture.Domain}:{fixture.S3Port}",
            ForcePathStyle = false,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            HttpClientFactory = factory,
        };
        return new AmazonS3Client(DotNetS3Client.Credentials(credential), config);
    }
}
