using System.Diagnostics;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// An upload a client started and never finished (an interrupted `aws s3 cp`) is aborted by the server once
/// Stowage:S3:AbandonedMultipartUploadSeconds have passed, as an AbortIncompleteMultipartUpload lifecycle
/// rule does on S3: it leaves the listing, and its parts can no longer be added to or completed.
/// </summary>
public sealed class AbandonedMultipartTests(AbandonedUploadsServerFixture fixture) : IClassFixture<AbandonedUploadsServerFixture>
{
    private const string Bucket = S3ServerFixture.PlainBucket;

    // The sweep runs every second and takes uploads 20 s old (awscli alone took 2.4 s a start on a loaded 2-core runner).
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private static AwsCli Aws => AwsCli.V2;

    [Fact]
    public async Task AnUploadLeftOpen_IsAbortedByTheServer_AndItsPartsCannotBeCompleted()
    {
        var key = S3ServerFixture.NewKey("e57");
        var part = fixture.Files.Small;
        var created = (await Aws.RunAsync(fixture, fixture.AccountKey,
            ["s3api", "create-multipart-upload", "--bucket", Bucket, "--key", key, "--output", "json"])).ShouldSucceedWithJson("aws s3api create-multipart-upload");
        var uploadId = created.String("UploadId");
        (await Aws.RunAsync(fixture, fixture.AccountKey,
            ["s3api", "upload-part", "--bucket", Bucket, "--key", key, "--upload-id", uploadId, "--part-number", "1", "--body", part.Path, "--output", "json"])).ShouldSucceed("aws s3api upload-part");

        var clock = Stopwatch.StartNew();
        while (await IsListedAsync(key, uploadId))
        {
            clock.Elapsed.ShouldBeLessThan(GiveUpAfter, "the abandoned upload was never aborted");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var listParts = await Aws.RunAsync(fixture, fixture.AccountKey,
            ["s3api", "list-parts", "--bucket", Bucket, "--key", key, "--upload-id", uploadId, "--output", "json"]);
        listParts.ExitCode.ShouldNotBe(0, listParts.ToString());
        listParts.StandardError.ShouldContain("NoSuchUpload");
        (await fixture.Objects.HeadAsync(Bucket, key)).ShouldBeNull();
    }

    private async Task<bool> IsListedAsync(string key, string uploadId)
    {
        var list = await Aws.RunAsync(fixture, fixture.AccountKey,
            ["s3api", "list-multipart-uploads", "--bucket", Bucket, "--prefix", key, "--output", "json"]);
        list.ShouldSucceed("aws s3api list-multipart-uploads");
        return list.StandardOutput.Contains(uploadId, StringComparison.Ordinal);
    }
}
