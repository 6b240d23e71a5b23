using System.Net;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>POST /projects refusals (docs/protocols/sessions.md, "Projects" and the error catalogue).</summary>
public sealed class CreateProjectValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"title\":\"only a title\"}")]
    [InlineData("{\"upload_id\":null,\"download_link\":null}")]
    [InlineData("{\"upload_id\":\"\",\"download_link\":\"\"}")]
    public async Task Post_Returns400UploadIdOrDownloadLinkRequired_WhenNeitherIsGiven(string json)
    {
        var response = await Client.CreateProjectRawAsync(json);

        response.ShouldBeError(HttpStatusCode.BadRequest, "upload_id_or_download_link_required");
    }

    [Fact]
    public async Task Post_Returns400ProvideEither_WhenBothAreGiven()
    {
        var id = await Client.NewUploadAsync();

        var response = await Client.CreateProjectAsync(new { upload_id = id, download_link = "https://example.com/scan.e57" });

        response.ShouldBeError(HttpStatusCode.BadRequest, "provide_either_upload_id_or_download_link");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("../../etc/passwd")]
    [InlineData("has space in it 000000000")]
    public async Task Post_Returns400InvalidUploadId_WhenIdIsMalformed(string id)
    {
        var response = await Client.CreateProjectAsync(new { upload_id = id });

        response.ShouldBeError(HttpStatusCode.BadRequest, "invalid_upload_id");
    }

    [Fact]
    public async Task Post_Returns404_WhenSessionIsUnknown()
    {
        var response = await Client.CreateProjectAsync(new { upload_id = new string('D', 22) });

        response.ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
    }

    [Fact]
    public async Task Post_Returns400ProjectCreationFailedWithIncompleteFiles_WhenAFileIsNotFullyUploaded()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "done.jpg", TestData.Bytes(100, 80));
        var partial = TestData.Bytes(1000, 81);
        await Client.PutChunkAsync(id, "partial.e57", partial, 0, 600);

        var response = await Client.CreateProjectAsync(new { upload_id = id });

        response.ShouldBeError(HttpStatusCode.BadRequest, "project_creation_failed");
        response.Property("incomplete_files").EnumerateArray().Select(e => e.GetString()).ShouldBe(["partial.e57"]);
        (await Client.GetSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);

        await Client.PutChunkAsync(id, "partial.e57", partial, 600, 400);
        (await Client.CreateProjectAsync(new { upload_id = id })).ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_Returns400ProjectCreationFailed_WhenSessionHasNoFiles()
    {
        var id = await Client.NewUploadAsync();

        var response = await Client.CreateProjectAsync(new { upload_id = id });

        response.ShouldBeError(HttpStatusCode.BadRequest, "project_creation_failed");
        response.Property("incomplete_files").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"upload_id\": ")]
    [InlineData("")]
    public async Task Post_Returns400InvalidJson_WhenBodyIsNotAJsonObject(string body)
    {
        var response = await Client.CreateProjectRawAsync(body);

        response.ShouldBeError(HttpStatusCode.BadRequest, "invalid_json");
    }

    [Theory]
    [InlineData("{\"upload_id\": 5}", "upload_id")]
    [InlineData("{\"upload_id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"title\": 7}", "title")]
    [InlineData("{\"upload_id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"privacy_mode\": \"2\"}", "privacy_mode")]
    [InlineData("{\"upload_id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"privacy_mode\": 3}", "privacy_mode")]
    [InlineData("{\"upload_id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"privacy_mode\": -1}", "privacy_mode")]
    [InlineData("{\"upload_id\": \"AAAAAAAAAAAAAAAAAAAAAA\", \"coordinate_system\": [25832]}", "coordinate_system")]
    [InlineData("{\"download_link\": {\"url\": \"https://example.com/a.zip\"}}", "download_link")]
    public async Task Post_Returns400InvalidFieldNamingTheField_WhenAFieldHasTheWrongTypeOrRange(string json, string field)
    {
        var response = await Client.CreateProjectRawAsync(json);

        response.ShouldBeError(HttpStatusCode.BadRequest, "invalid_field");
        response.String("field").ShouldBe(field);
    }

    [Fact]
    public async Task Post_IgnoresOtherVendorFields()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "a.jpg", [1, 2, 3]);

        var response = await Client.CreateProjectRawAsync(
            $"{{\"upload_id\":\"{id}\",\"anonymization\":{{\"faces\":true}},\"point_cloud_density\":3,\"video_fps\":2.5}}");

        response.ShouldHaveStatus(HttpStatusCode.Created);
        response.String("name").ShouldBe(id);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/scan.e57")]
    [InlineData("ftp://example.com/scan.e57")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    public async Task Post_Returns400InvalidDownloadLink_WhenLinkIsNotAbsoluteHttp(string link)
    {
        var response = await Client.CreateProjectAsync(new { download_link = link });

        response.ShouldBeError(HttpStatusCode.BadRequest, "invalid_download_link");
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/scan.e57")]
    [InlineData("http://localhost:{port}/scan.e57")]
    [InlineData("http://[::1]/scan.e57")]
    [InlineData("http://10.1.2.3/scan.e57")]
    [InlineData("http://192.168.0.10/scan.e57")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/scan.e57")]
    public async Task Post_Returns400DownloadLinkForbidden_ForInternalAddressesByDefault(string link)
    {
        await using var files = new LoopbackFileServer();
        files.Serve("/scan.e57", TestData.Bytes(100, 82));

        var response = await Client.CreateProjectAsync(new { download_link = link.Replace("{port}", files.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) });

        response.ShouldBeError(HttpStatusCode.BadRequest, "download_link_forbidden");
        files.Requests("/scan.e57").ShouldBe(0);
    }

    [Fact]
    public async Task Post_Returns403ProjectLimitReachedWithLimit_WhenAccountHasMaxProjects()
    {
        var (key, client) = await fixture.NewAccountAsync("maxproj");
        await fixture.Cli.SetAccountAsync(key.Account, "--max-projects", "1");
        var first = await client.NewUploadAsync();
        await client.UploadAsync(first, "a.jpg", [1]);
        await client.NewProjectAsync(first);
        var second = await client.NewUploadAsync();
        await client.UploadAsync(second, "b.jpg", [2]);

        var response = await client.CreateProjectAsync(new { upload_id = second });

        response.ShouldBeError(HttpStatusCode.Forbidden, "project_limit_reached");
        response.Long("limit").ShouldBe(1);
        (await client.GetSessionAsync(second)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_ReplaysCreation_EvenWhenTheProjectLimitIsReachedByThatProject()
    {
        // docs: a retried POST for a session that already became a project answers 201 with its name,
        // "so a client whose first answer was lost still learns the name" - that project is not a new one.
        var (key, client) = await fixture.NewAccountAsync("maxreplay");
        await fixture.Cli.SetAccountAsync(key.Account, "--max-projects", "1");
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "a.jpg", [1]);
        var name = await client.NewProjectAsync(id);

        var replay = await client.CreateProjectAsync(new { upload_id = id });

        replay.ShouldHaveStatus(HttpStatusCode.Created);
        replay.String("name").ShouldBe(name);
    }

    [Fact]
    public async Task Post_ReturnsJsonCreatedAnswer_WithProcessingStarted()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "a.jpg", [1, 2, 3]);

        var response = await Client.CreateProjectAsync(new { upload_id = id });

        response.ShouldHaveStatus(HttpStatusCode.Created);
        response.String("name").ShouldBe(id);
        response.Int("status").ShouldBe(0);
        response.String("message").ShouldBe("processing_started");
        response.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ShouldBe(["message", "name", "status"]);
        response.Json.GetProperty("status").ValueKind.ShouldBe(JsonValueKind.Number);
    }
}
