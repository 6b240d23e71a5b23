using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.ProjectsBucket;

/// <summary>
/// docs/protocols/s3.md, "The projects bucket", as users of real clients get their bytes back: awscli v2 (Debian's)
/// lists and copies, boto3 (the tests' venv, as pinned in clients/requirements.txt) reads ranges, lists pages and
/// presigns GETs that a plain HTTP client then fetches.
/// </summary>
public sealed class ProjectsBucketClientTests(ProjectsBucketServerFixture fixture) : IClassFixture<ProjectsBucketServerFixture>
{
    private const string Bucket = ProjectsBucketServerFixture.Bucket;

    private static AwsCli Aws => AwsCli.V2;

    private static byte[] Scan => ProjectsBucketServerFixture.ScanFiles["scan.e57"];

    [Fact]
    public async Task AwsS3Ls_ShowsTheBucket_TheProjects_AndTheirFiles()
    {
        await Aws.ShouldBeTheExpectedVersionAsync(fixture);

        var buckets = await Aws.RunAsync(fixture, fixture.Alice, ["s3", "ls"]);
        var projects = await Aws.RunAsync(fixture, fixture.Alice, ["s3", "ls", $"s3://{Bucket}/"]);
        var files = await Aws.RunAsync(fixture, fixture.Alice, ["s3", "ls", $"s3://{Bucket}/{fixture.ZipProject}/", "--recursive"]);
        var bobsView = await Aws.RunAsync(fixture, fixture.Bob, ["s3", "ls", $"s3://{Bucket}/", "--recursive"]);

        buckets.ShouldSucceed("aws s3 ls");
        buckets.StandardOutput.ShouldContain($" {Bucket}\n");
        projects.ShouldSucceed($"aws s3 ls s3://{Bucket}/");
        Lines(projects).ShouldBe(new[] { fixture.ScanProject, fixture.ZipProject }.Order(StringComparer.Ordinal).Select(p => $"PRE {p}/"));
        files.ShouldSucceed("aws s3 ls --recursive");
        string[] zipFiles = ["floor1/a.jpg", "floor1/sub/b.e57", "model.zip", "readme.txt"];
        Lines(files).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).ShouldBe(zipFiles.Select(p => $"{fixture.ZipProject}/{p}"));
        bobsView.ShouldSucceed("aws s3 ls (bob)");
        bobsView.StandardOutput.ShouldContain($"{fixture.BobProject}/secret.jpg");
        bobsView.StandardOutput.ShouldNotContain(fixture.ScanProject);
        bobsView.StandardOutput.ShouldNotContain(fixture.ZipProject);
    }

    [Fact]
    public async Task AwsS3Cp_CopiesAFileToStdout_AndAWholeProjectToADirectory()
    {
        var toStdout = await Aws.RunAsync(fixture, fixture.Alice, ["s3", "cp", $"s3://{Bucket}/{fixture.ScanProject}/notes.txt", "-"]);
        var folder = fixture.Files.NewFolder("projects-bucket");
        var recursive = await Aws.RunAsync(fixture, fixture.Alice, ["s3", "cp", $"s3://{Bucket}/{fixture.ZipProject}/", folder, "--recursive", "--no-progress"]);

        toStdout.ShouldSucceed("aws s3 cp s3://…/notes.txt -");
        toStdout.StandardOutput.ShouldBe(System.Text.Encoding.UTF8.GetString(ProjectsBucketServerFixture.ScanFiles["notes.txt"]));
        recursive.ShouldSucceed("aws s3 cp --recursive");
        foreach (var (path, bytes) in ProjectsBucketServerFixture.ZipEntries)
        {
            TestData.Sha256Hex(Path.Combine(folder, path)).ShouldBe(TestData.Sha256Hex(bytes), path);
        }

        TestData.Sha256Hex(Path.Combine(folder, "model.zip")).ShouldBe(TestData.Sha256Hex(ProjectsBucketServerFixture.Zip));
    }

    [Fact]
    public async Task AwsS3Cp_IntoTheBucket_FailsWithAccessDenied()
    {
        var file = fixture.Files.Small;

        var upload = await Aws.RunAsync(fixture, fixture.Alice, ["s3", "cp", file.Path, $"s3://{Bucket}/{fixture.ScanProject}/extra.jpg", "--no-progress"]);

        upload.ExitCode.ShouldNotBe(0, upload.ToString());
        (upload.StandardError + upload.StandardOutput).ShouldContain("AccessDenied");
    }

    [Fact]
    public async Task Boto3_GetObject_ReadsTheWholeFile_VerifyingItsSha256Checksum_AndARange()
    {
        var key = $"{fixture.ScanProject}/scan.e57";

        var whole = (await Boto3Async(fixture.Alice, "get-object", ["--key", key])).ShouldSucceedWithJson("boto3 get_object");
        var ranged = (await Boto3Async(fixture.Alice, "get-object", ["--key", key, "--range", "bytes=100-199"])).ShouldSucceedWithJson("boto3 get_object Range");
        var refused = (await Boto3Async(fixture.Bob, "get-object", ["--key", key])).ShouldSucceedWithJson("boto3 get_object (bob)");

        whole.GetProperty("status").GetInt32().ShouldBe(200);
        whole.String("sha256").ShouldBe(TestData.Sha256Hex(Scan));
        whole.String("etag").ShouldBe($"\"{TestData.Sha256Hex(Scan)}\"");
        // boto3 1.43 asks for checksums (x-amz-checksum-mode) and verifies the body against the one answered.
        whole.String("checksum_sha256").ShouldBe(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Scan)));
        ranged.GetProperty("status").GetInt32().ShouldBe(206);
        ranged.String("content_range").ShouldBe($"bytes 100-199/{Scan.Length}");
        ranged.String("sha256").ShouldBe(TestData.Sha256Hex(Scan.AsSpan(100, 100)));
        refused.String("error").ShouldBe("NoSuchKey", "bob is not shown alice's project");
    }

    [Fact]
    public async Task Boto3_ListObjectsV2_PagesThroughTheAccountsFiles_OnlyItsOwn()
    {
        var expected = ProjectsBucketServerFixture.ScanFiles.Keys.Select(p => $"{fixture.ScanProject}/{p}")
            .Concat(ProjectsBucketServerFixture.ZipEntries.Keys.Append("model.zip").Select(p => $"{fixture.ZipProject}/{p}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var listed = (await Boto3Async(fixture.Alice, "list-v2", ["--max-keys", "2"])).ShouldSucceedWithJson("boto3 list_objects_v2");
        var folders = (await Boto3Async(fixture.Alice, "list-v2", ["--prefix", fixture.ZipProject + "/", "--delimiter", "/"])).ShouldSucceedWithJson("boto3 list_objects_v2 delimiter");

        var keys = listed.GetProperty("keys").EnumerateArray().Select(k => k.String("key")).ToList();
        // Each test class has a server of its own, and nothing here adds a project: alice has exactly these files.
        keys.ShouldBe(expected);
        listed.GetProperty("pages").GetInt32().ShouldBe((expected.Count + 1) / 2);
        listed.GetProperty("keys").EnumerateArray().Single(k => k.String("key") == $"{fixture.ScanProject}/scan.e57").String("etag")
            .ShouldBe($"\"{TestData.Sha256Hex(Scan)}\"");
        folders.GetProperty("prefixes").EnumerateArray().Select(p => p.GetString()).ShouldBe([$"{fixture.ZipProject}/floor1/"]);
        folders.GetProperty("keys").EnumerateArray().Select(k => k.String("key")).ShouldBe([$"{fixture.ZipProject}/model.zip", $"{fixture.ZipProject}/readme.txt"]);
    }

    [Theory]
    [InlineData("v4")]
    [InlineData("v2")]
    public async Task Boto3_GeneratePresignedUrl_ThenAPlainGet_DownloadsTheFile(string signature)
    {
        var key = $"{fixture.ZipProject}/floor1/sub/b.e57";

        var result = (await Boto3Async(fixture.Alice, "presign-get", ["--key", key, "--signature", signature]))
            .ShouldSucceedWithJson($"boto3 generate_presigned_url ({signature}) + requests.get");

        result.GetProperty("status").GetInt32().ShouldBe(200, result.ToString());
        result.String("sha256").ShouldBe(TestData.Sha256Hex(ProjectsBucketServerFixture.ZipEntries["floor1/sub/b.e57"]));
        result.String("url").ShouldContain(signature == "v4" ? "X-Amz-Algorithm=AWS4-HMAC-SHA256" : "AWSAccessKeyId=");
    }

    private Task<ProcessResult> Boto3Async(S3Credential credential, string command, IEnumerable<string> arguments) =>
        ClientScripts.RunAsync(fixture, credential, TestPython.Interpreter,
            [ClientScripts.Script("boto3_client.py"), command, "--endpoint", fixture.EndpointUrl, "--bucket", Bucket, .. arguments]);

    private static string[] Lines(ProcessResult result) =>
        result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
