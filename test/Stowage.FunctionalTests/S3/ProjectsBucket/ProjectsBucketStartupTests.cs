using System.Globalization;
using System.Net;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.ProjectsBucket;

/// <summary>
/// docs/protocols/s3.md, "The projects bucket": its name is reserved, and a data directory that already has a bucket of
/// that name (from before the name was reserved) stops the server at start-up, with what to do about it; named
/// otherwise, the projects bucket leaves that bucket to its owner.
/// </summary>
public sealed class ProjectsBucketStartupTests
{
    private const string Name = ProjectsBucketServerFixture.Bucket;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_Refuses_ADataDirectoryWithABucketOfThatName_UntilTheProjectsBucketIsNamedOtherwise()
    {
        using var data = new TempDirectory("projects-bucket");
        // An older data directory: the bucket is made by a CLI whose projects bucket has another name.
        var early = await CliAsync(["s3", "buckets", "create", Name, "--data", data.Path, "--account", "early"],
            new Dictionary<string, string> { ["Stowage__S3__ProjectsBucket"] = "somewhere-else" });
        early.ExitCode.ShouldBe(0, early.ToString());
        var reserved = await CliAsync(["s3", "buckets", "create", Name, "--data", data.Path]);
        reserved.ExitCode.ShouldBe(1, reserved.ToString());
        reserved.StandardError.ShouldContain("reserved");

        var refused = await CliAsync(["serve", "--data", data.Path, "--urls", Url(), "--s3-urls", Url()]);

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.StandardError.ShouldContain($"Invalid configuration: Stowage:S3:ProjectsBucket: this data directory already has a bucket named '{Name}'");
        refused.StandardError.ShouldContain($"--Stowage:S3:ProjectsBucket={Name}-view");

        await using var server = new ServerProcess(data.Path, [.. ServerFixture.BaseConfiguration, $"--Stowage:S3:ProjectsBucket={Name}-view"]);
        await server.StartAsync();
        var key = await new S3AdminCli(data.Path).CreateAccountKeyAsync(new Uri(server.S3Endpoint, "/"), "early");
        using var s3 = new RawS3(new Uri(server.S3Endpoint, "/"));
        foreach (var bucket in new[] { Name, Name + "-view" })
        {
            using var head = await s3.SendAsync(SignedRequest.Create(HttpMethod.Head, new Uri(server.S3Endpoint, "/" + bucket), key, SigV4.EmptySha256).WithoutContent());
            head.StatusCode.ShouldBe(HttpStatusCode.OK, $"HEAD {bucket}: the old bucket stays its owner's, the projects bucket has the new name");
        }
    }

    private static Task<ProcessResult> CliAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync("dotnet", [RepoPaths.CliDll, .. arguments], Timeout, environment);

    private static string Url() => $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
}
