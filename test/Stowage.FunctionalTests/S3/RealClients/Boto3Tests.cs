using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// boto3 through clients/boto3_client.py: put_object, upload_file in 5 MiB parts, and presigned PUTs
/// (SigV2, boto3's default, and SigV4) sent with requests. The subclasses pick the interpreter, and so
/// the boto3 generation: 1.43 sends CRC32 checksums, 1.26 Content-MD5.
/// </summary>
public abstract class Boto3Tests(S3ServerFixture fixture, string python, string expectedBoto3Version)
{
    private const long PartSize = 5L << 20;

    /// <summary>Whether this boto3 sends x-amz-checksum-crc32 (and so expects it echoed).</summary>
    protected abstract bool SendsCrc32 { get; }

    [Fact]
    public async Task PutObject_WithAScopedCredentialAndTheAcl_StoresTheFile()
    {
        await ShouldBeTheExpectedBoto3Async();
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var result = (await RunAsync(credential, "put-object", key, ["--file", file.Path, "--acl", "bucket-owner-full-control"]))
            .ShouldSucceedWithJson("boto3 put_object");

        result.String("etag").ShouldBe($"\"{file.Md5}\"");
        if (SendsCrc32)
        {
            result.String("checksum_crc32").ShouldBe(AmzCrc32.Base64(file.ReadAllBytes()), "the server echoes the CRC32 boto3 sent");
        }

        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    [Fact]
    public async Task UploadFile_InThreeParts_StoresTheFile_AndDownloadsItIdentical()
    {
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        (await RunAsync(credential, "upload-file", key, ["--file", file.Path, "--acl", "bucket-owner-full-control", "--part-mib", "5"]))
            .ShouldSucceed("boto3 upload_file");

        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.MultipartETag(PartSize));
        var target = fixture.Files.DownloadPath("boto3");
        var download = (await RunAsync(fixture.AccountKey, "download", key, ["--out", target])).ShouldSucceedWithJson("boto3 download_file");
        download.String("sha256").ShouldBe(file.Sha256);
        TestData.Sha256Hex(target).ShouldBe(file.Sha256);
    }

    [Fact]
    public async Task PresignedPut_SigV2ByDefault_SentWithRequests_StoresTheFile()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var result = (await RunAsync(credential, "presign-put", key, ["--file", file.Path, "--acl", "bucket-owner-full-control", "--signature", "v2"]))
            .ShouldSucceedWithJson("boto3 generate_presigned_url (SigV2) + requests.put");

        var url = result.String("url");
        url.ShouldContain($"AWSAccessKeyId={credential.AccessKeyId}");
        url.ShouldContain("x-amz-security-token=");
        url.ShouldContain("x-amz-acl=bucket-owner-full-control", customMessage: "SigV2 carries the ACL in the query");
        ShouldBe200(result);
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    [Fact]
    public async Task PresignedPut_SigV4_SentWithRequests_StoresTheFile()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var result = (await RunAsync(credential, "presign-put", key, ["--file", file.Path, "--acl", "bucket-owner-full-control", "--signature", "v4"]))
            .ShouldSucceedWithJson("boto3 generate_presigned_url (s3v4) + requests.put");

        var url = result.String("url");
        url.ShouldContain("X-Amz-Algorithm=AWS4-HMAC-SHA256");
        url.ShouldContain("X-Amz-SignedHeaders=host%3Bx-amz-acl", customMessage: "SigV4 makes the ACL a signed header");
        ShouldBe200(result);
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    private static void ShouldBe200(JsonElement result) =>
        result.GetProperty("status").GetInt32().ShouldBe(200, $"the presigned PUT was answered: {result}");

    private async Task ShouldBeTheExpectedBoto3Async()
    {
        var versions = (await ClientScripts.RunAsync(fixture, fixture.AccountKey, python, [ClientScripts.Script("boto3_client.py"), "versions"]))
            .ShouldSucceedWithJson($"{python} boto3_client.py versions");
        versions.String("boto3").ShouldStartWith(expectedBoto3Version, customMessage: $"{python} does not have the boto3 this class tests");
    }

    private Task<ProcessResult> RunAsync(S3Credential credential, string command, string key, IEnumerable<string> arguments) =>
        ClientScripts.RunAsync(fixture, credential, python,
            [ClientScripts.Script("boto3_client.py"), command, "--endpoint", fixture.EndpointUrl, "--bucket", S3ServerFixture.DottedBucket, "--key", key, .. arguments]);
}
