using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// s3cmd 2.3 (Debian) through clients/s3cmd.sh: SigV4 with no space after the Authorization commas,
/// and a Complete body without xmlns and with unquoted ETags.
/// </summary>
public sealed class S3cmdTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private const long PartSize = 5L << 20;

    [Fact]
    public async Task S3cmd_PutsA100KbFile_WithAScopedCredential_AndGetsItBackIdentical()
    {
        var version = await RunAsync(fixture.AccountKey, ["--version"]);
        version.ShouldSucceed("s3cmd --version");
        version.StandardOutput.ShouldContain("s3cmd version 2.");
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();

        var put = await RunAsync(await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key),
            ["put", file.Path, $"s3://{S3ServerFixture.DottedBucket}/{key}", "--add-header=x-amz-acl:bucket-owner-full-control"]);

        put.ShouldSucceed("s3cmd put");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
        await GetShouldMatchAsync(S3ServerFixture.DottedBucket, key, file);
    }

    [Fact]
    public async Task S3cmd_PutsA12MbFileInThreeParts_AndGetsItBackIdentical()
    {
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();

        var put = await RunAsync(await fixture.ScopedCredentialAsync(S3ServerFixture.PlainBucket, key),
            ["put", file.Path, $"s3://{S3ServerFixture.PlainBucket}/{key}", "--add-header=x-amz-acl:bucket-owner-full-control", "--multipart-chunk-size-mb=5"]);

        put.ShouldSucceed("s3cmd put (multipart)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.PlainBucket, key, file, file.MultipartETag(PartSize));
        await GetShouldMatchAsync(S3ServerFixture.PlainBucket, key, file);
    }

    private async Task GetShouldMatchAsync(string bucket, string key, TestFile file)
    {
        var target = fixture.Files.DownloadPath("s3cmd");
        var get = await RunAsync(fixture.AccountKey, ["get", $"s3://{bucket}/{key}", target]);
        get.ShouldSucceed("s3cmd get (account key)");
        TestData.Sha256Hex(target).ShouldBe(file.Sha256, "SHA-256 of what s3cmd downloaded");
    }

    private Task<ProcessResult> RunAsync(S3Credential credential, IEnumerable<string> arguments) =>
        ClientScripts.RunAsync(fixture, credential, "bash", [ClientScripts.Script("s3cmd.sh"), .. arguments]);
}
