using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// awscli v2 as Debian ships it (2.9), the client the seeds tell uploaders to use: <c>aws s3 cp</c>
/// with a temporary credential scoped to the key and <c>--acl bucket-owner-full-control</c>, read back
/// with the account's long-lived key.
/// </summary>
public sealed class AwsCliV2Tests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private const long DefaultPartSize = 8L << 20; // awscli's multipart_chunksize and multipart_threshold
    private static readonly TimeSpan LargeTimeout = TimeSpan.FromMinutes(6);

    private static AwsCli Aws => AwsCli.V2;

    [Fact]
    public async Task AwsCliV2_CopiesA100KbFile_WithAScopedCredentialAndTheAcl_AndReadsItBackIdentical()
    {
        await Aws.ShouldBeTheExpectedVersionAsync(fixture);
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var upload = await Aws.RunAsync(fixture, credential,
            ["s3", "cp", file.Path, $"s3://{S3ServerFixture.DottedBucket}/{key}", "--acl", "bucket-owner-full-control", "--no-progress"]);

        upload.ShouldSucceed("aws s3 cp (upload)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
        await DownloadShouldMatchAsync(key, file, ClientScripts.DefaultTimeout);
    }

    [Fact]
    public async Task AwsCliV2_CopiesA100MbFileWithMultipart_AndReadsItBackIdentical()
    {
        var file = fixture.Files.Large;
        var key = S3ServerFixture.NewKey("e57");
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var upload = await Aws.RunAsync(fixture, credential,
            ["s3", "cp", file.Path, $"s3://{S3ServerFixture.DottedBucket}/{key}", "--acl", "bucket-owner-full-control", "--no-progress"], LargeTimeout);

        upload.ShouldSucceed("aws s3 cp (100 MiB upload)");
        // 13 parts of 8 MiB, the last 4 MiB: the ETag proves the server assembled exactly these parts.
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.MultipartETag(DefaultPartSize));
        await DownloadShouldMatchAsync(key, file, LargeTimeout);
    }

    [Fact]
    public async Task AwsCliV2_PresignsASigV4Get_ThatDownloadsTheObject()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        await fixture.Objects.PutAsync(S3ServerFixture.DottedBucket, key, file.ReadAllBytes());

        var presign = await Aws.RunAsync(fixture, fixture.AccountKey, ["s3", "presign", $"s3://{S3ServerFixture.DottedBucket}/{key}", "--expires-in", "900"]);

        presign.ShouldSucceed("aws s3 presign");
        var url = presign.StandardOutput.Trim();
        url.ShouldStartWith($"{fixture.EndpointUrl}/{S3ServerFixture.DottedBucket}/{key}?");
        url.ShouldContain("X-Amz-Algorithm=AWS4-HMAC-SHA256");
        await PresignedGet.ShouldDownloadAsync(url, file);
    }

    private async Task DownloadShouldMatchAsync(string key, TestFile file, TimeSpan timeout)
    {
        var target = fixture.Files.DownloadPath("awscli2");
        var download = await Aws.RunAsync(fixture, fixture.AccountKey,
            ["s3", "cp", $"s3://{S3ServerFixture.DottedBucket}/{key}", target, "--no-progress"], timeout);
        download.ShouldSucceed("aws s3 cp (download with the account key)");
        TestData.Sha256Hex(target).ShouldBe(file.Sha256, "SHA-256 of what awscli v2 downloaded");
    }
}
