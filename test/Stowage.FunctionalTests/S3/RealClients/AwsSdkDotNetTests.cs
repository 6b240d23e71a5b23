using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// AWSSDK.S3 4.0.104.5 in-process, with a temporary credential scoped to the key. By default the SDK
/// sends STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER (signed 80 KiB aws chunks and a signed CRC32
/// trailer); with RequestChecksumCalculation WHEN_REQUIRED, signed chunks without a trailer.
/// </summary>
public sealed class AwsSdkDotNetTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private const long PartSize = 5L << 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PutObject_FromAFile_SignedStreaming_StoresTheFile(bool checksumsWhenRequired)
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        using var client = DotNetS3Client.Create(fixture.Endpoint, await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key), checksumsWhenRequired);

        var response = await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = S3ServerFixture.DottedBucket,
            Key = key,
            FilePath = file.Path,
            CannedACL = S3CannedACL.BucketOwnerFullControl,
        });

        response.HttpStatusCode.ShouldBe(HttpStatusCode.OK);
        response.ETag.ShouldBe($"\"{file.Md5}\"");
        if (!checksumsWhenRequired)
        {
            response.ChecksumCRC32.ShouldBe(AmzCrc32.Base64(file.ReadAllBytes()), "the server echoes the CRC32 of the trailer");
        }

        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TransferUtility_UploadsInThreeParts_StoresTheFile(bool checksumsWhenRequired)
    {
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();
        using var client = DotNetS3Client.Create(fixture.Endpoint, await fixture.ScopedCredentialAsync(S3ServerFixture.PlainBucket, key), checksumsWhenRequired);
        // The utility's own threshold is 16 MiB; lowered so the 12 MiB file goes in 5 MiB parts.
        using var transfer = new TransferUtility(client, new TransferUtilityConfig { MinSizeBeforePartUpload = PartSize });

        var response = await transfer.UploadWithResponseAsync(new TransferUtilityUploadRequest
        {
            BucketName = S3ServerFixture.PlainBucket,
            Key = key,
            FilePath = file.Path,
            PartSize = PartSize,
            CannedACL = S3CannedACL.BucketOwnerFullControl,
        });

        var etag = file.MultipartETag(PartSize);
        response.ETag.ShouldBe($"\"{etag}\"");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.PlainBucket, key, file, etag);
    }

    [Fact]
    public async Task GetPreSignedUrl_Put_SentWithHttpClient_StoresTheFile()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        using var client = DotNetS3Client.Create(fixture.Endpoint, await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key));
        var presign = new GetPreSignedUrlRequest
        {
            BucketName = S3ServerFixture.DottedBucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = DateTime.UtcNow.AddMinutes(15),
            Protocol = Protocol.HTTP, // without it the SDK writes https:// whatever the ServiceURL says
        };
        presign.Headers["x-amz-acl"] = "bucket-owner-full-control";

        var url = await client.GetPreSignedURLAsync(presign);

        url.ShouldStartWith($"{fixture.EndpointUrl}/{S3ServerFixture.DottedBucket}/{key}?");
        url.ShouldContain("X-Amz-SignedHeaders=host%3Bx-amz-acl");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(url)) { Content = new ByteArrayContent(file.ReadAllBytes()) };
        put.Headers.Add("x-amz-acl", "bucket-owner-full-control");
        using var response = await http.SendAsync(put);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.ETag.ShouldNotBeNull("the presigned PUT's answer has no ETag");
        response.Headers.ETag.Tag.ShouldBe($"\"{file.Md5}\"");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }
}
