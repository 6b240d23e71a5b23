using System.Net;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// An account an operator has barred from uploading (<c>stowage accounts set NAME --upload-allowed false</c>)
/// gets 403 AccessDenied on S3 writes, as on the Sessions API, while it can still read what it has
/// (docs/protocols/s3.md, "Credentials").
/// </summary>
public sealed class UploadNotAllowedTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string Account = "barred";
    private const string Bucket = "stowage-ft-barred";

    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task Put_Is403AccessDenied_ForAnAccountNotAllowedToUpload_WhileReadsAreStillAnswered()
    {
        // Barred before its first S3 request: the server caches the answer per account for 30 s.
        await fixture.Cli.CreateBucketAsync(Bucket, Account);
        await fixture.Cli.StowageAsync("accounts", "set", Account, "--upload-allowed", "false");
        var key = await fixture.Cli.CreateAccountKeyAsync(fixture.Endpoint, Account);

        using var refused = await _s3.PutAsync(key, Bucket, "scan.e57", [4, 5, 6]);

        var error = await S3Error.ReadAsync(refused);
        error.ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        error.Message.ShouldBe("This account is not allowed to upload.");
        using var read = await _s3.GetAsync(key, Bucket, "scan.e57");
        (await S3Error.ReadAsync(read)).ShouldBe(HttpStatusCode.NotFound, "NoSuchKey");
    }

    public void Dispose() => _s3.Dispose();
}
