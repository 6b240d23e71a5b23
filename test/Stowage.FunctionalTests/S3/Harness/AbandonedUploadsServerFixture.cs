namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// A server that aborts multipart uploads left open for 20 s, looking every second: long enough for a loaded
/// runner's awscli to add a part first, short enough for a test to wait for.
/// </summary>
public sealed class AbandonedUploadsServerFixture : S3ServerFixture
{
    public const int AbandonedAfterSeconds = 20;

    protected override IEnumerable<string> Configuration =>
    [
        $"--Stowage:S3:AbandonedMultipartUploadSeconds={AbandonedAfterSeconds}",
        "--Stowage:S3:MultipartSweepIntervalSeconds=1",
    ];
}
