using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Cli;

/// <summary>
/// The scriptable contract of <c>stowage s3 buckets</c> and <c>stowage s3 credentials</c> (README, "Commands";
/// issue 3, "Credentials"), run through the real binary: options, exit codes and the exact JSON fields.
/// </summary>
public sealed partial class S3CliTests : IDisposable
{
    private const string Bucket = "iguides.plntr.ca";
    private const string Key = "gallery/ig12345/a3K9.jpg";

    private static readonly string[] CredentialFields = ["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "endpoint", "bucket", "key"];

    private readonly TempDirectory _data = new("s3cli");
    private readonly S3Cli _cli;

    public S3CliTests() => _cli = new S3Cli(_data.Path);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task BucketsCreate_PrintsTheBucket_AndSucceedsAgainForTheSameAccount()
    {
        var created = await _cli.JsonAsync(["buckets", "create", Bucket, "--account", "photos"]);
        var again = await _cli.JsonAsync(["buckets", "create", Bucket, "--account", "photos"]);
        var list = await _cli.JsonAsync(["buckets", "list"]);

        created.GetProperty("name").GetString().ShouldBe(Bucket);
        created.GetProperty("account").GetString().ShouldBe("photos");
        again.GetProperty("created").GetString().ShouldBe(created.GetProperty("created").GetString());
        list.EnumerateArray().Select(b => (b.GetProperty("name").GetString(), b.GetProperty("account").GetString())).ShouldBe([(Bucket, "photos")]);
    }

    [Fact]
    public async Task BucketsCreate_Fails_ForAnInvalidName_AndForAnotherAccountsBucket()
    {
        await _cli.JsonAsync(["buckets", "create", Bucket]);

        var invalid = await _cli.RunAsync(["buckets", "create", "Not_A_Bucket"]);
        var taken = await _cli.RunAsync(["buckets", "create", Bucket, "--account", "someone-else"]);

        invalid.ExitCode.ShouldNotBe(0);
        invalid.StandardError.ShouldContain("not a valid bucket name");
        taken.ExitCode.ShouldNotBe(0);
        taken.StandardError.ShouldContain("another account");
        (await _cli.JsonAsync(["buckets", "list"])).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task CredentialsCreate_PrintsExactlyTheContractFields_ForALongLivedKey()
    {
        var created = await _cli.JsonAsync(["credentials", "create"]);

        created.EnumerateObject().Select(p => p.Name).ShouldBe(CredentialFields);
        LongLivedId().IsMatch(created.GetProperty("accessKeyId").GetString()!).ShouldBeTrue();
        Secret().IsMatch(created.GetProperty("secretAccessKey").GetString()!).ShouldBeTrue();
        foreach (var field in new[] { "sessionToken", "expiration", "bucket", "key" })
        {
            created.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, field);
        }

        created.GetProperty("endpoint").GetString().ShouldBe("http://127.0.0.1:9000");
    }

    [Fact]
    public async Task CredentialsCreate_IssuesTemporaryCredentialsForOneKey_ExpiringAfterTheTtl()
    {
        await _cli.JsonAsync(["buckets", "create", Bucket]);
        var before = DateTimeOffset.UtcNow;

        var issued = await _cli.JsonAsync(["credentials", "create", "--bucket", Bucket, "--key", Key, "--ttl", "90s", "--endpoint", "http://s3.example.test:9000/"]);

        issued.EnumerateObject().Select(p => p.Name).ShouldBe(CredentialFields);
        TemporaryId().IsMatch(issued.GetProperty("accessKeyId").GetString()!).ShouldBeTrue();
        Secret().IsMatch(issued.GetProperty("secretAccessKey").GetString()!).ShouldBeTrue();
        issued.GetProperty("sessionToken").GetString().ShouldNotBeNullOrEmpty();
        issued.GetProperty("bucket").GetString().ShouldBe(Bucket);
        issued.GetProperty("key").GetString().ShouldBe(Key);
        issued.GetProperty("endpoint").GetString().ShouldBe("http://s3.example.test:9000");
        var expiration = ParseIsoUtc(issued.GetProperty("expiration").GetString()!);
        expiration.ShouldBeGreaterThan(before.AddSeconds(88));
        expiration.ShouldBeLessThan(DateTimeOffset.UtcNow.AddSeconds(91));
    }

    [Fact]
    public async Task CredentialsCreate_DefaultsTheTtlToTwoHours_AndTakesDays()
    {
        await _cli.JsonAsync(["buckets", "create", Bucket]);
        var before = DateTimeOffset.UtcNow;

        var twoHours = await _cli.JsonAsync(["credentials", "create", "--bucket", Bucket, "--key", Key]);
        var oneDay = await _cli.JsonAsync(["credentials", "create", "--bucket", Bucket, "--key", Key, "--ttl", "1d"]);

        ParseIsoUtc(twoHours.GetProperty("expiration").GetString()!).ShouldBeInRange(before.AddHours(2).AddSeconds(-2), DateTimeOffset.UtcNow.AddHours(2).AddSeconds(1));
        ParseIsoUtc(oneDay.GetProperty("expiration").GetString()!).ShouldBeInRange(before.AddDays(1).AddSeconds(-2), DateTimeOffset.UtcNow.AddDays(1).AddSeconds(1));
    }

    [Theory]
    [InlineData("--ttl", "2h")]
    [InlineData("--bucket", Bucket)]
    [InlineData("--key", Key)]
    [InlineData("--bucket", Bucket, "--key", Key, "--ttl", "2x")]
    [InlineData("--bucket", Bucket, "--key", Key, "--ttl", "0s")]
    [InlineData("--bucket", Bucket, "--key", Key, "--ttl", "37h")]
    [InlineData("--bucket", "no-such-bucket", "--key", Key)]
    [InlineData("--bucket", Bucket, "--key", Key, "--account", "someone-else")]
    public async Task CredentialsCreate_FailsWithAMessageAndPrintsNoCredentials_ForOptionsThatDoNotHoldTogether(params string[] options)
    {
        await _cli.JsonAsync(["buckets", "create", Bucket]);

        var result = await _cli.RunAsync(["credentials", "create", .. options, "--json"]);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CredentialsCreate_TakesTheEndpointFromThePublicEndpointSetting_ThenFromTheS3Listener()
    {
        var fromPublic = await _cli.JsonAsync(["credentials", "create"], new Dictionary<string, string>
        {
            ["Stowage__S3__PublicEndpoint"] = "https://uploads.example.test",
            ["Stowage__S3__Urls"] = "http://127.0.0.1:9555",
        });
        var fromListener = await _cli.JsonAsync(["credentials", "create"], new Dictionary<string, string> { ["Stowage__S3__Urls"] = "http://0.0.0.0:9555;http://127.0.0.1:9556" });

        fromPublic.GetProperty("endpoint").GetString().ShouldBe("https://uploads.example.test");
        fromListener.GetProperty("endpoint").GetString().ShouldBe("http://127.0.0.1:9555");
    }

    [Fact]
    public async Task CredentialsListAndRevoke_ShowLongLivedKeysWithoutSecrets_AndMarkARevokedOne()
    {
        var mine = await _cli.JsonAsync(["credentials", "create", "--account", "a"]);
        var theirs = await _cli.JsonAsync(["credentials", "create", "--account", "b"]);
        var id = mine.GetProperty("accessKeyId").GetString()!;

        var revoke = await _cli.RunAsync(["credentials", "revoke", id]);
        var all = await _cli.JsonAsync(["credentials", "list"]);
        var onlyA = await _cli.JsonAsync(["credentials", "list", "--account", "a"]);
        var unknown = await _cli.RunAsync(["credentials", "revoke", "AKIAAAAAAAAAAAAAAAAA"]);

        revoke.ExitCode.ShouldBe(0, revoke.ToString());
        all.GetArrayLength().ShouldBe(2);
        all.GetRawText().ShouldNotContain(mine.GetProperty("secretAccessKey").GetString()!);
        all.GetRawText().ShouldNotContain(theirs.GetProperty("secretAccessKey").GetString()!);
        var row = onlyA.EnumerateArray().Single();
        row.GetProperty("accessKeyId").GetString().ShouldBe(id);
        row.GetProperty("account").GetString().ShouldBe("a");
        row.GetProperty("revoked").ValueKind.ShouldBe(JsonValueKind.String);
        all.EnumerateArray().Single(k => k.GetProperty("account").GetString() == "b").GetProperty("revoked").ValueKind.ShouldBe(JsonValueKind.Null);
        unknown.ExitCode.ShouldNotBe(0);
    }

    private static DateTimeOffset ParseIsoUtc(string text)
    {
        IsoUtc().IsMatch(text).ShouldBeTrue(text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex("^AKIA[A-Z2-7]{16}$")]
    private static partial Regex LongLivedId();

    [GeneratedRegex("^ASIA[A-Z2-7]{16}$")]
    private static partial Regex TemporaryId();

    [GeneratedRegex("^[A-Za-z0-9+/]{40}$")]
    private static partial Regex Secret();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoUtc();
}
