using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Hosting;

/// <summary>
/// docs/operations.md, "Settings": invalid settings stop the server at start-up with a message naming
/// the setting; the "Kestrel" section tunes the HTTP server's limits; a second server on one data
/// directory refuses to start.
/// </summary>
public sealed class ConfigurationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_ExitsWithTheSettingsName_WhenARateLimitRuleIsMalformed()
    {
        using var data = new TempDirectory("config");

        var result = await ServeAsync(data.Path, "--Stowage:RateLimits:PutFile=lots");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        (result.StandardError + result.StandardOutput).ShouldContain("RateLimits");
    }

    [Fact]
    public async Task Serve_ExitsWithTheSectionName_WhenAnUploadLimitIsInvalid()
    {
        using var data = new TempDirectory("config");

        var result = await ServeAsync(data.Path, "--Stowage:Uploads:SessionTtlSeconds=0");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        (result.StandardError + result.StandardOutput).ShouldContain("SessionTtlSeconds");
    }

    [Theory]
    [InlineData("--Stowage:RemoteFetch:MinimumRateWindow=00:00:00.5", "MinimumRateWindow")]
    [InlineData("--Stowage:RemoteFetch:MinimumBytesPerSecond=-1", "MinimumBytesPerSecond")]
    [InlineData("--Stowage:RemoteFetch:TransferDeadline=00:00:00", "TransferDeadline")]
    [InlineData("--Stowage:Jobs:MaxRunningPerAccount=0", "MaxRunningPerAccount")]
    public async Task Serve_ExitsWithTheSettingsName_WhenADownloadOrJobLimitIsInvalid(string setting, string name)
    {
        using var data = new TempDirectory("config");

        var result = await ServeAsync(data.Path, setting);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        (result.StandardError + result.StandardOutput).ShouldContain(name);
    }

    [Fact]
    public async Task Serve_ExitsWithTheSettingsName_WhenTheStorageReserveIsTooSmall()
    {
        using var data = new TempDirectory("config");

        var result = await ServeAsync(data.Path, "--Stowage:Capacity:ReserveBytes=4096");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        (result.StandardError + result.StandardOutput).ShouldContain("ReserveBytes");
        File.Exists(Path.Combine(data.Path, ".space-reserve")).ShouldBeFalse();
    }

    [Fact]
    public async Task Serve_AppliesKestrelLimitsFromConfiguration()
    {
        using var data = new TempDirectory("config");
        await using var server = new ServerProcess(data.Path, [.. ServerFixture.BaseConfiguration, "--Kestrel:Limits:MaxRequestHeaderCount=8"]);
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var few = await http.GetAsync("healthz");
        using var many = new HttpRequestMessage(HttpMethod.Get, "healthz");
        for (var i = 0; i < 12; i++)
        {
            many.Headers.Add($"X-Extra-{i}", "1");
        }

        using var refused = await http.SendAsync(many);

        few.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task Serve_RefusesToStart_WhenAnotherServerHoldsTheDataDirectory()
    {
        using var data = new TempDirectory("config");
        await using var first = new ServerProcess(data.Path, ServerFixture.BaseConfiguration);
        await first.StartAsync();

        var second = await ServeAsync(data.Path);

        second.ExitCode.ShouldNotBe(0, second.ToString());
        second.StandardError.ShouldContain("Another Stowage server is using the data directory");
        using var http = new HttpClient { BaseAddress = first.BaseAddress };
        (await http.GetAsync("healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Serve_CreatesTheConfiguredBucketsAndTheirAccounts()
    {
        using var data = new TempDirectory("config");
        await using var server = new ServerProcess(data.Path, [.. ServerFixture.BaseConfiguration, "--Stowage:S3:Buckets:iguides.plntr.ca=field-team"]);
        await server.StartAsync();

        var listed = await ProcessRunner.RunAsync("dotnet", [RepoPaths.CliDll, "s3", "buckets", "list", "--data", data.Path, "--json"], Timeout);

        listed.ExitCode.ShouldBe(0, listed.ToString());
        listed.StandardOutput.ShouldContain("\"iguides.plntr.ca\"");
        listed.StandardOutput.ShouldContain("\"field-team\"");
    }

    [Theory]
    [InlineData("--Stowage:S3:Buckets:Bad_Name=team", "Bad_Name")]
    [InlineData("--s3-urls=http://127.0.0.1:0", "explicit port")]
    public async Task Serve_ExitsWithTheReason_WhenTheS3SettingsAreInvalid(string setting, string reason)
    {
        using var data = new TempDirectory("config");

        var result = await ProcessRunner.RunAsync("dotnet",
            [RepoPaths.CliDll, "serve", "--data", data.Path, "--urls", $"http://127.0.0.1:{FreePort.Next()}", .. setting.StartsWith("--s3-urls", StringComparison.Ordinal) ? [] : (string[])["--s3-urls", $"http://127.0.0.1:{FreePort.Next()}"], setting],
            Timeout);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        (result.StandardError + result.StandardOutput).ShouldContain(reason);
    }

    private static Task<ProcessResult> ServeAsync(string dataDirectory, params string[] configuration) =>
        ProcessRunner.RunAsync("dotnet",
            [RepoPaths.CliDll, "serve", "--data", dataDirectory, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--s3-urls", $"http://127.0.0.1:{FreePort.Next()}", .. configuration],
            Timeout);
}
