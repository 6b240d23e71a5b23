using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>
/// docs/protocols/sessions.md, "Project files" and "Deleting a project" (Stowage extensions): an account reads its
/// projects' files back (GET/HEAD with Range, ETag and Repr-Digest), and deletes a project with its files.
/// </summary>
public sealed class ProjectFilesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task ProjectFile_IsServedWithItsSha256_AsETagAndReprDigest_AndTheRecordLinksIt()
    {
        var data = RandomNumberGenerator.GetBytes(300_000);
        var name = await ReadyProjectAsync(("scan.e57", data));

        using var response = await Client.GetProjectFileAsync(name, "scan.e57");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeBytes(data);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        var sha = TestData.Sha256Hex(data);
        response.Headers.ETag!.Tag.ShouldBe($"\"{sha}\"");
        response.Headers.GetValues("Repr-Digest").Single().ShouldBe($"sha-256=:{Convert.ToBase64String(SHA256.HashData(data))}:");
        var record = await Client.GetProjectAsync(name);
        record.FilesByName()["scan.e57"].GetProperty("url").GetString().ShouldBe($"/api/v1/projects/{name}/files/scan.e57");
    }

    [Fact]
    public async Task ProjectFile_AnswersARange_With206_AndHead_WithoutABody()
    {
        var data = RandomNumberGenerator.GetBytes(100_000);
        var name = await ReadyProjectAsync(("cloud.ply", data));

        using var partial = await Client.GetProjectFileAsync(name, "cloud.ply", configure: r => r.Headers.Range = new RangeHeaderValue(1000, 1999));
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync()).ShouldBeBytes(data.AsSpan(1000, 1000).ToArray());
        partial.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 1000-1999/{data.Length}");

        using var head = await Client.GetProjectFileAsync(name, "cloud.ply", HttpMethod.Head);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldBe(data.Length);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        using var unchanged = await Client.GetProjectFileAsync(name, "cloud.ply", configure: r => r.Headers.IfNoneMatch.Add(head.Headers.ETag!));
        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task ProjectFile_Is404_ForAnotherAccount_AndForAPathTheProjectLacks()
    {
        var name = await ReadyProjectAsync(("a.jpg", RandomNumberGenerator.GetBytes(1000)));
        var (_, stranger) = await fixture.NewAccountAsync("stranger");

        using var theirs = await stranger.GetProjectFileAsync(name, "a.jpg");
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await theirs.Content.ReadAsStringAsync()).ShouldContain("project_not_found");
        using var missing = await Client.GetProjectFileAsync(name, "b.jpg");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("project_file_not_found");
    }

    [Fact]
    public async Task DeleteProject_RemovesTheProjectAndItsBytes_IsIdempotent_AndIgnoresOtherAccounts()
    {
        var data = RandomNumberGenerator.GetBytes(50_000);
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "gone.jpg", data);
        var blob = BlobFiles.SessionFile(fixture.DataDirectory, id, "gone.jpg");
        var name = await Client.NewProjectAsync(id);
        (await Client.WaitForProjectAsync(name)).Int("status").ShouldBe(100);
        var (_, stranger) = await fixture.NewAccountAsync("stranger");

        (await stranger.DeleteProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);
        (await Client.GetProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);

        var deleted = await Client.DeleteProjectAsync(name);
        deleted.ShouldHaveStatus(HttpStatusCode.OK);
        deleted.Json.GetProperty("deleted").GetBoolean().ShouldBeTrue();
        (await Client.GetProjectAsync(name)).ShouldBeError(HttpStatusCode.NotFound, "project_not_found");
        using var file = await Client.GetProjectFileAsync(name, "gone.jpg");
        file.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        File.Exists(blob).ShouldBeFalse("the project's bytes are deleted with it");
        (await Client.ListProjectsAsync("?limit=1000")).Body.ShouldNotContain(name);
        (await Client.DeleteProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    private async Task<string> ReadyProjectAsync(params (string Name, byte[] Data)[] files)
    {
        var id = await Client.NewUploadAsync();
        foreach (var (fileName, data) in files)
        {
            await Client.UploadAsync(id, fileName, data);
        }

        var name = await Client.NewProjectAsync(id);
        var ready = await Client.WaitForProjectAsync(name);
        ready.Int("status").ShouldBe(100, ready.ToString());
        return name;
    }
}
