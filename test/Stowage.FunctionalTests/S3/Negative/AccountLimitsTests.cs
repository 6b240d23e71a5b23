using System.Net;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Negative;

/// <summary>
/// S3 writes (objects and the parts of open multipart uploads) count toward the account's usage and obey its quota
/// and per-file cap, as Sessions uploads do (docs/protocols/s3.md, "Quotas and limits"): 403 QuotaExceeded and 400
/// EntityTooLarge, each naming the limit.
/// </summary>
public sealed class AccountLimitsTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task Put_OverTheQuota_Is403QuotaExceeded_AndAccountsListShowsTheUsage()
    {
        const string account = "s3-quota";
        const string bucket = "stowage-ft-quota";
        await fixture.Cli.CreateBucketAsync(bucket, account);
        await fixture.Cli.StowageAsync("accounts", "set", account, "--quota", "10000");
        var key = await fixture.Cli.CreateAccountKeyAsync(fixture.Endpoint, account);

        using (var first = await _s3.PutAsync(key, bucket, "a.jpg", new byte[6000]))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await _s3.PutAsync(key, bucket, "b.jpg", new byte[5000]);
        var error = await S3Error.ReadAsync(refused);
        error.ShouldBe(HttpStatusCode.Forbidden, "QuotaExceeded");
        error.Message!.ShouldContain("10000 bytes");
        using var missing = await _s3.GetAsync(key, bucket, "b.jpg");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var listed = await fixture.Cli.StowageAsync("accounts", "list", "--json");
        using var json = JsonDocument.Parse(listed.StandardOutput);
        json.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == account)
            .GetProperty("usage_bytes").GetInt64().ShouldBe(6000);
    }

    [Fact]
    public async Task UploadPart_OverTheQuota_Is403QuotaExceeded_AndAccountsListCountsTheParts()
    {
        const string account = "s3-parts-quota";
        const string bucket = "stowage-ft-parts-quota";
        await fixture.Cli.CreateBucketAsync(bucket, account);
        await fixture.Cli.StowageAsync("accounts", "set", account, "--quota", "10000");
        var key = await fixture.Cli.CreateAccountKeyAsync(fixture.Endpoint, account);
        var uploadId = await _s3.StartMultipartUploadAsync(key, bucket, "never-completed.e57");
        await _s3.UploadPartAsync(key, bucket, "never-completed.e57", uploadId, 1, new byte[6000]);

        using var refused = await _s3.SendPartAsync(key, bucket, "never-completed.e57", uploadId, 2, new byte[5000]);

        var error = await S3Error.ReadAsync(refused);
        error.ShouldBe(HttpStatusCode.Forbidden, "QuotaExceeded");
        error.Message!.ShouldContain("10000 bytes");
        var listed = await fixture.Cli.StowageAsync("accounts", "list", "--json");
        using var json = JsonDocument.Parse(listed.StandardOutput);
        json.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == account)
            .GetProperty("usage_bytes").GetInt64().ShouldBe(6000);
    }

    [Fact]
    public async Task Put_AboveThePerFileCap_IsEntityTooLarge_NamingTheLimit()
    {
        const string account = "s3-max-file";
        const string bucket = "stowage-ft-max-file";
        await fixture.Cli.CreateBucketAsync(bucket, account);
        await fixture.Cli.StowageAsync("accounts", "set", account, "--max-file", "4096");
        var key = await fixture.Cli.CreateAccountKeyAsync(fixture.Endpoint, account);

        using var refused = await _s3.PutAsync(key, bucket, "big.e57", new byte[4097]);

        var error = await S3Error.ReadAsync(refused);
        error.ShouldBe(HttpStatusCode.BadRequest, "EntityTooLarge");
        error.Message!.ShouldContain("4096 bytes");
    }

    public void Dispose() => _s3.Dispose();
}
