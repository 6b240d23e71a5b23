using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// awscli v1 (1.45 with botocore 1.43, pinned in clients/requirements.txt, in the tests' venv): flexible checksums (CRC32 headers, no Content-MD5)
/// and, unlike v2, SigV2 presigned URLs.
/// </summary>
public sealed class AwsCliV1Tests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private const long DefaultPartSize = 8L << 20;

    private static AwsCli Aws => AwsCli.V1;

    [Fact]
    public async Task AwsCliV1_CopiesA100KbFile_WithAScopedCredentialAndTheAcl_AndReadsItBackIdentical()
    {
        await Aws.ShouldBeTheExpectedVersionAsync(fixture);
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var upload = await Aws.RunAsync(fixture, credential,
            ["s3", "cp", file.Path, $"s3://{S3ServerFixture.DottedBucket}/{key}", "--acl", "bucket-owner-full-control", "--no-progress"]);

        upload.ShouldSucceed("aws s3 cp (upload)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
        await DownloadShouldMatchAsync(S3ServerFixture.DottedBucket, key, file);
    }

    [Fact]
    public async Task AwsCliV1_CopiesA12MbFileInTwoParts_IntoThePlainBucket_AndReadsItBackIdentical()
    {
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.PlainBucket, key);

        var upload = await Aws.RunAsync(fixture, credential,
            ["s3", "cp", file.Path, $"s3://{S3ServerFixture.PlainBucket}/{key}", "--acl", "bucket-owner-full-control", "--no-progress"]);

        upload.ShouldSucceed("aws s3 cp (12 MiB upload)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.PlainBucket, key, file, file.MultipartETag(DefaultPartSize));
        await DownloadShouldMatchAsync(S3ServerFixture.PlainBucket, key, file);
    }

    [Fact]
    public async Task AwsCliV1_S3apiPutObject_ReturnsTheMd5ETag_AndStoresTheFile()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var put = await Aws.RunAsync(fixture, credential,
            ["s3api", "put-object", "--bucket", S3ServerFixture.DottedBucket, "--key", key, "--body", file.Path, "--acl", "bucket-owner-full-control", "--output", "json"]);

        var result = put.ShouldSucceedWithJson("aws s3api put-object");
        result.String("ETag").ShouldBe($"\"{file.Md5}\"");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    [Fact]
    public async Task AwsCliV1_PresignsASigV2Get_ThatDownloadsTheObject()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        await fixture.Objects.PutAsync(S3ServerFixture.DottedBucket, key, file.ReadAllBytes());

        var presign = await Aws.RunAsync(fixture, fixture.AccountKey, ["s3", "presign", $"s3://{S3ServerFixture.DottedBucket}/{key}", "--expires-in", "900"]);

        presign.ShouldSucceed("aws s3 presign");
        var url = presign.StandardOutput.Trim();
        url.ShouldStartWith($"{fixture.EndpointUrl}/{S3ServerFixture.DottedBucket}/{key}?");
        url.ShouldContain($"AWSAccessKeyId={fixture.AccountKey.AccessKeyId}");
        url.ShouldContain("Signature=");
        url.ShouldContain("Expires=");
        await PresignedGet.ShouldDownloadAsync(url, file);
    }

    private async Task DownloadShouldMatchAsync(string bucket, string key, TestFile file)
    {
        var target = fixture.Files.DownloadPath("awscli1");
        var download = await Aws.RunAsync(fixture, fixture.AccountKey, ["s3", "cp", $"s3://{bucket}/{key}", target, "--no-progress"]);
        download.ShouldSucceed("aws s3 cp (download with the account key)");
        TestData.Sha256Hex(target).ShouldBe(file.Sha256, "SHA-256 of what awscli v1 downloaded");
    }
}
