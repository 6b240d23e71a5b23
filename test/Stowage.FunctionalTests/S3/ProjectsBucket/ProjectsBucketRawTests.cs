using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.ProjectsBucket;

/// <summary>
/// docs/protocols/s3.md, "The projects bucket", request by request: an account's own S3 key reads its projects' files
/// (GET, HEAD, Range, conditionals, both listings, presigned GET); every write is AccessDenied; another account and a
/// temporary credential see nothing of them.
/// </summary>
public sealed class ProjectsBucketRawTests(ProjectsBucketServerFixture fixture) : IClassFixture<ProjectsBucketServerFixture>, IDisposable
{
    private const string Bucket = ProjectsBucketServerFixture.Bucket;
    private readonly RawS3 _s3 = new(fixture.Endpoint);

    private string ScanKey => $"{fixture.ScanProject}/scan.e57";

    private static byte[] Scan => ProjectsBucketServerFixture.ScanFiles["scan.e57"];

    [Fact]
    public async Task GetObject_AnswersTheFile_WithItsSha256AsETag_TheSameAsTheSessionsApis()
    {
        using var response = await _s3.GetAsync(fixture.Alice, Bucket, ScanKey);

        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500))));
        body.ShouldBe(Scan);
        var etag = response.Headers.ETag.ShouldNotBeNull();
        etag.IsWeak.ShouldBeFalse();
        etag.Tag.ShouldBe($"\"{TestData.Sha256Hex(Scan)}\"", "a strong ETag: the SHA-256 as 64 hex digits, never an MD5's 32");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        response.Content.Headers.LastModified.ShouldNotBeNull();
        response.Headers.AcceptRanges.ShouldContain("bytes");
        using var sessions = fixture.AliceSessions();
        using var viaSessions = await sessions.GetProjectFileAsync(fixture.ScanProject, "scan.e57");
        viaSessions.Headers.ETag.ShouldBe(etag, "one file, one ETag, whichever door it is read through");
    }

    [Fact]
    public async Task GetObject_WithARange_Is206_AndConditionalsAndHeadWorkAsForAnyObject()
    {
        var etag = $"\"{TestData.Sha256Hex(Scan)}\"";

        using (var ranged = await GetAsync(fixture.Alice, ScanKey, new() { ["range"] = "bytes=1000-1999" }))
        {
            ranged.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            ranged.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-1999/{Scan.Length}");
            (await ranged.Content.ReadAsByteArrayAsync()).ShouldBe(Scan[1000..2000]);
        }

        using (var notModified = await GetAsync(fixture.Alice, ScanKey, new() { ["if-none-match"] = etag }))
        {
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }

        using (var failed = await GetAsync(fixture.Alice, ScanKey, new() { ["if-match"] = "\"" + new string('0', 64) + "\"" }))
        {
            (await S3Error.ReadAsync(failed)).ShouldBe(HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        }

        using (var unsatisfiable = await GetAsync(fixture.Alice, ScanKey, new() { ["range"] = $"bytes={Scan.Length}-" }))
        {
            (await S3Error.ReadAsync(unsatisfiable)).ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable, "InvalidRange");
        }

        using (var withChecksum = await GetAsync(fixture.Alice, ScanKey, new() { ["x-amz-checksum-mode"] = "ENABLED" }, HttpMethod.Head))
        {
            withChecksum.StatusCode.ShouldBe(HttpStatusCode.OK);
            withChecksum.Content.Headers.ContentLength.ShouldBe(Scan.Length);
            withChecksum.Headers.GetValues("x-amz-checksum-sha256").Single().ShouldBe(Convert.ToBase64String(SHA256.HashData(Scan)));
            (await withChecksum.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task EntriesUnpackedFromAnArchive_AreObjects_UnderTheirPaths()
    {
        foreach (var (path, bytes) in ProjectsBucketServerFixture.ZipEntries)
        {
            using var response = await _s3.GetAsync(fixture.Alice, Bucket, $"{fixture.ZipProject}/{path}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes, path);
        }

        using var archive = await _s3.GetAsync(fixture.Alice, Bucket, $"{fixture.ZipProject}/model.zip");
        (await archive.Content.ReadAsByteArrayAsync()).ShouldBe(ProjectsBucketServerFixture.Zip, "the uploaded archive itself too");
    }

    [Fact]
    public async Task ListObjectsV2_ShowsTheAccountsProjectsAsPrefixes_AndAProjectsFilesAndFolders()
    {
        var top = await ListAsync(fixture.Alice, "list-type=2&delimiter=%2F");

        Values(top, "Name").ShouldBe([Bucket]);
        Values(top, "Prefix", under: "CommonPrefixes").ShouldBe(new[] { fixture.ScanProject + "/", fixture.ZipProject + "/" }.Order(StringComparer.Ordinal));
        Values(top, "Key").ShouldBeEmpty();

        var inZip = await ListAsync(fixture.Alice, $"list-type=2&delimiter=%2F&prefix={fixture.ZipProject}%2F");
        Values(inZip, "Key").ShouldBe([$"{fixture.ZipProject}/model.zip", $"{fixture.ZipProject}/readme.txt"]);
        Values(inZip, "Prefix", under: "CommonPrefixes").ShouldBe([$"{fixture.ZipProject}/floor1/"]);
        Values(inZip, "ETag").ShouldBe([$"\"{TestData.Sha256Hex(ProjectsBucketServerFixture.Zip)}\"", $"\"{TestData.Sha256Hex(ProjectsBucketServerFixture.ZipEntries["readme.txt"])}\""]);
        Values(inZip, "Size").Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe([ProjectsBucketServerFixture.Zip.Length, ProjectsBucketServerFixture.ZipEntries["readme.txt"].Length]);
        Values(inZip, "KeyCount").ShouldBe(["3"]);
    }

    [Fact]
    public async Task ListObjectsV1_PagesWithMarkers_AndEncodesKeysWhenAsked()
    {
        var prefix = fixture.ZipProject + "/";
        var first = await ListAsync(fixture.Alice, $"prefix={prefix}&max-keys=2&encoding-type=url");
        Values(first, "IsTruncated").ShouldBe(["true"]);
        var firstKeys = Values(first, "Key").Select(Uri.UnescapeDataString).ToList();
        firstKeys.ShouldBe([$"{prefix}floor1/a.jpg", $"{prefix}floor1/sub/b.e57"]);

        var second = await ListAsync(fixture.Alice, $"prefix={prefix}&max-keys=2&marker={Uri.EscapeDataString(firstKeys[^1])}");

        Values(second, "IsTruncated").ShouldBe(["false"]);
        Values(second, "Key").ShouldBe([$"{prefix}model.zip", $"{prefix}readme.txt"]);
    }

    public static TheoryData<string, string, string, bool> Writes => new()
    {
        // method, path after the bucket ("{scan}" is alice's scan.e57 key), query, extra header x-amz-copy-source
        { "PUT", "{scan}", "", false },
        { "PUT", "{project}/new.txt", "", false },
        { "DELETE", "{scan}", "", false },
        { "POST", "{project}/new.bin", "?uploads", false },
        { "PUT", "{project}/copy.e57", "", true },
        { "POST", "", "?delete", false },
        { "DELETE", "", "", false },
        { "PUT", "", "?acl", false },
        { "PUT", "{scan}", "?tagging", false },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task EveryWrite_IsAccessDenied_AndChangesNothing(string method, string path, string query, bool copy)
    {
        var key = path.Replace("{scan}", ScanKey, StringComparison.Ordinal).Replace("{project}", fixture.ScanProject, StringComparison.Ordinal);
        var uri = new Uri(fixture.Endpoint, key.Length == 0 ? Bucket + query : $"{Bucket}/{key}{query}");
        var body = "<Delete><Object><Key>x</Key></Object></Delete>"u8.ToArray();
        var headers = copy ? new Dictionary<string, string> { ["x-amz-copy-source"] = $"/{Bucket}/{ScanKey}" } : new Dictionary<string, string>();

        using var response = await _s3.SendAsync(SignedRequest.Create(new HttpMethod(method), uri, fixture.Alice, SigV4.Sha256Hex(body), headers).WithContent(body));

        var error = await S3Error.ReadAsync(response);
        error.ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        error.Message.ShouldNotBeNull().ShouldContain($"The bucket '{Bucket}' is read-only");
        using var after = await _s3.GetAsync(fixture.Alice, Bucket, ScanKey);
        (await after.Content.ReadAsByteArrayAsync()).ShouldBe(Scan, "the file is as it was");
        Values(await ListAsync(fixture.Alice, $"list-type=2&prefix={fixture.ScanProject}%2F"), "Key")
            .ShouldBe([$"{fixture.ScanProject}/notes.txt", ScanKey], "nothing was added or removed");
    }

    [Fact]
    public async Task HeadBucket_GetBucketLocation_AndListMultipartUploads_AnswerAsForAnyBucket()
    {
        using (var head = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Head, new Uri(fixture.Endpoint, Bucket), fixture.Alice, SigV4.EmptySha256).WithoutContent()))
        {
            head.StatusCode.ShouldBe(HttpStatusCode.OK);
            head.Headers.GetValues("x-amz-bucket-region").Single().ShouldBe("us-east-1");
        }

        var location = await ListAsync(fixture.Alice, "location");
        location.Root!.Name.LocalName.ShouldBe("LocationConstraint");
        var uploads = await ListAsync(fixture.Alice, "uploads");
        Values(uploads, "Bucket").ShouldBe([Bucket]);
        Values(uploads, "Upload").ShouldBeEmpty();
    }

    [Fact]
    public async Task AWriteWithABadSignature_GetsTheSignatureError_First()
    {
        using var response = await _s3.PutAsync(fixture.Alice.WithSecret("not-the-secret"), Bucket, ScanKey, [1, 2, 3]);

        (await S3Error.ReadAsync(response)).ShouldBe(HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task CreateBucket_OfItsName_IsBucketAlreadyExists_AndAReadThisServerDoesNotImplementIsStill501()
    {
        using (var create = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Put, new Uri(fixture.Endpoint, Bucket), fixture.Alice, SigV4.EmptySha256).WithContent([])))
        {
            var error = await S3Error.ReadAsync(create);
            error.ShouldBe(HttpStatusCode.Conflict, "BucketAlreadyExists");
            error.Message.ShouldNotBeNull().ShouldContain("reserved");
        }

        using var acl = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Get, new Uri(fixture.Endpoint, Bucket + "?acl"), fixture.Alice, SigV4.EmptySha256).WithoutContent());
        (await S3Error.ReadAsync(acl)).ShouldBe(HttpStatusCode.NotImplemented, "NotImplemented");
    }

    [Fact]
    public async Task AnotherAccount_CannotReadOrListTheProjects_AndSeesItsOwn()
    {
        using (var read = await _s3.GetAsync(fixture.Bob, Bucket, ScanKey))
        {
            (await S3Error.ReadAsync(read)).ShouldBe(HttpStatusCode.NotFound, "NoSuchKey");
        }

        using (var head = await GetAsync(fixture.Bob, ScanKey, new(), HttpMethod.Head))
        {
            head.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        Values(await ListAsync(fixture.Bob, $"list-type=2&prefix={fixture.ScanProject}%2F"), "Key").ShouldBeEmpty();
        Values(await ListAsync(fixture.Bob, "list-type=2"), "Key").ShouldBe([$"{fixture.BobProject}/secret.jpg"]);
        Values(await ListAsync(fixture.Alice, "list-type=2"), "Key").ShouldNotContain($"{fixture.BobProject}/secret.jpg");
        using var own = await _s3.GetAsync(fixture.Bob, Bucket, $"{fixture.BobProject}/secret.jpg");
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe(ProjectsBucketServerFixture.BobFiles["secret.jpg"]);
    }

    [Fact]
    public async Task ATemporaryCredential_IsAccessDenied_EvenToItsOwnAccountsProjects()
    {
        var temporary = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, S3ServerFixture.NewKey());

        using var read = await _s3.GetAsync(temporary, Bucket, ScanKey);
        using var list = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Get, new Uri(fixture.Endpoint, Bucket + "?list-type=2"), temporary, SigV4.EmptySha256).WithoutContent());

        (await S3Error.ReadAsync(read)).ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        var listError = await S3Error.ReadAsync(list);
        listError.ShouldBe(HttpStatusCode.Forbidden, "AccessDenied");
        listError.Message.ShouldNotBeNull().ShouldContain("Temporary credentials cannot use the bucket");
    }

    [Fact]
    public async Task ListBuckets_ShowsTheProjectsBucket_ToTheAccountsKey()
    {
        using var response = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Get, fixture.Endpoint, fixture.Alice, SigV4.EmptySha256).WithoutContent());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Values(XDocument.Parse(await response.Content.ReadAsStringAsync()), "Name").ShouldContain(Bucket);
    }

    [Fact]
    public async Task ADeletedProject_LeavesTheBucket()
    {
        using var sessions = fixture.AliceSessions();
        var name = await ProjectsBucketServerFixture.ReadyProjectAsync(sessions, new Dictionary<string, byte[]> { ["gone.jpg"] = [1, 2, 3] });
        using (var before = await _s3.GetAsync(fixture.Alice, Bucket, $"{name}/gone.jpg"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await sessions.DeleteProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);

        using var after = await _s3.GetAsync(fixture.Alice, Bucket, $"{name}/gone.jpg");
        (await S3Error.ReadAsync(after)).ShouldBe(HttpStatusCode.NotFound, "NoSuchKey");
        Values(await ListAsync(fixture.Alice, "list-type=2&delimiter=%2F"), "Prefix", under: "CommonPrefixes").ShouldNotContain(name + "/");
    }

    [Fact]
    public async Task APresignedGet_FromTheStowageCli_DownloadsTheFile_WithoutCredentials()
    {
        var (url, _) = await fixture.Cli.PresignAsync(fixture.Alice, fixture.Endpoint, "GET", Bucket, ScanKey, "15m", emptyContentType: false);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        using var response = await http.GetAsync(new Uri(url));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Scan);
    }

    public void Dispose() => _s3.Dispose();

    private Task<HttpResponseMessage> GetAsync(S3Credential credential, string key, Dictionary<string, string> headers, HttpMethod? method = null) =>
        _s3.SendAsync(SignedRequest.Create(method ?? HttpMethod.Get, _s3.ObjectUri(Bucket, key), credential, SigV4.EmptySha256, headers).WithoutContent());

    private async Task<XDocument> ListAsync(S3Credential credential, string query)
    {
        using var response = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Get, new Uri(fixture.Endpoint, $"{Bucket}?{query}"), credential, SigV4.EmptySha256).WithoutContent());
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return XDocument.Parse(body);
    }

    /// <summary>The values of every element of that local name, in document order; under a parent of the given name when set.</summary>
    private static List<string> Values(XDocument document, string name, string? under = null) =>
        [.. document.Descendants().Where(e => e.Name.LocalName == name && (under is null || e.Parent?.Name.LocalName == under)).Select(e => e.Value)];
}
