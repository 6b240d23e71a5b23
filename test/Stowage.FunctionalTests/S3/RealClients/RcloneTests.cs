using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// rclone 1.60 (Debian) through clients/rclone.sh: UNSIGNED-PAYLOAD with Content-MD5, Complete bodies
/// with <c>&amp;#34;</c>-quoted ETags, and probes (HEAD the object, PUT the bucket) around every upload.
/// </summary>
public sealed class RcloneTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private const long PartSize = 5L << 20;

    /// <summary>
    /// A scoped credential may only upload its key, so rclone must skip what it would otherwise do
    /// around an upload: HEAD the destination, create the bucket, HEAD the result. Those would be
    /// refused, as they would be on AWS under the same policy.
    /// </summary>
    private static readonly string[] UploadOnly = ["--no-check-dest", "--s3-no-check-bucket", "--s3-no-head"];

    [Fact]
    public async Task Rclone_CopiesA100KbFileUpWithAScopedCredential_AndBackIdentical()
    {
        var version = await RunAsync(fixture.AccountKey, ["version"]);
        version.ShouldSucceed("rclone version");
        version.StandardOutput.ShouldStartWith("rclone v1.");
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();

        var up = await RunAsync(await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key),
            ["copyto", file.Path, $"stowage:{S3ServerFixture.DottedBucket}/{key}", .. UploadOnly]);

        up.ShouldSucceed("rclone copyto (up)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
        await CopyDownShouldMatchAsync(S3ServerFixture.DottedBucket, key, file);
    }

    [Fact]
    public async Task Rclone_CopiesA12MbFileUpInThreeParts_AndBackIdentical()
    {
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();

        var up = await RunAsync(await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key),
            ["copyto", file.Path, $"stowage:{S3ServerFixture.DottedBucket}/{key}", "--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M", .. UploadOnly]);

        up.ShouldSucceed("rclone copyto (multipart up)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.MultipartETag(PartSize));
        await CopyDownShouldMatchAsync(S3ServerFixture.DottedBucket, key, file);
    }

    [Fact]
    public async Task Rclone_WithAnAccountKey_PassesItsBucketAndObjectProbes_AndCopiesUpAndBack()
    {
        // No flags: rclone HEADs the key (404 expected), PUTs the bucket (CreateBucket must be
        // idempotent for its owner), uploads in parts, then HEADs the object to check size and ETag.
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();

        var up = await RunAsync(fixture.AccountKey,
            ["copyto", file.Path, $"stowage:{S3ServerFixture.PlainBucket}/{key}", "--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M"]);

        up.ShouldSucceed("rclone copyto (account key, with probes)");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.PlainBucket, key, file, file.MultipartETag(PartSize));
        await CopyDownShouldMatchAsync(S3ServerFixture.PlainBucket, key, file);
    }

    private async Task CopyDownShouldMatchAsync(string bucket, string key, TestFile file)
    {
        var target = fixture.Files.DownloadPath("rclone");
        var down = await RunAsync(fixture.AccountKey, ["copyto", $"stowage:{bucket}/{key}", target]);
        down.ShouldSucceed("rclone copyto (down, account key)");
        TestData.Sha256Hex(target).ShouldBe(file.Sha256, "SHA-256 of what rclone downloaded");
    }

    private Task<ProcessResult> RunAsync(S3Credential credential, IEnumerable<string> arguments) =>
        ClientScripts.RunAsync(fixture, credential, "bash", [ClientScripts.Script("rclone.sh"), .. arguments]);
}
