using System.Net;
using System.Text.RegularExpressions;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Uploads;

/// <summary>POST /uploads, GET /uploads/{id}, DELETE /uploads/{id} and /healthz (docs/protocols/sessions.md, "Endpoints").</summary>
public sealed partial class UploadSessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const long DefaultTtlSeconds = 259_200;

    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task Healthz_Returns200Ok_WithoutAuthentication()
    {
        using var anonymous = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var response = await anonymous.GetAsync(new Uri(fixture.Server.BaseAddress, "healthz"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"ok\"");
    }

    [Fact]
    public async Task Post_Returns201WithOpaqueIdAndSeedTtl()
    {
        var created = await Client.CreateUploadAsync();

        created.ShouldHaveStatus(HttpStatusCode.Created);
        created.String("upload_id").ShouldMatch(Base62Id().ToString());
        created.Long("expires_in_seconds").ShouldBe(DefaultTtlSeconds);
    }

    [Fact]
    public async Task Post_ReturnsADifferentIdEachTime()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.NewUploadAsync());
        }

        ids.Count.ShouldBe(5);
    }

    [Fact]
    public async Task GetSession_ReturnsEmptyFileList_ForNewSession()
    {
        var id = await Client.NewUploadAsync();

        var session = await Client.GetSessionAsync(id);

        session.ShouldHaveStatus(HttpStatusCode.OK);
        session.String("upload_id").ShouldBe(id);
        session.Long("expires_in_seconds").ShouldBeInRange(DefaultTtlSeconds - 60, DefaultTtlSeconds);
        session.Property("files").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task GetSession_ListsEveryFileWithItsProgress()
    {
        var id = await Client.NewUploadAsync();
        var whole = TestData.Bytes(1000, 1);
        var partial = TestData.Bytes(5000, 2);
        await Client.UploadAsync(id, "whole.jpg", whole);
        (await Client.PutChunkAsync(id, "partial.e57", partial, 0, 2000)).ShouldBeProgress(2000, 5000, complete: false);

        var session = await Client.GetSessionAsync(id);

        session.ShouldHaveStatus(HttpStatusCode.OK);
        var files = session.Property("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        files.Keys.Order(StringComparer.Ordinal).ShouldBe(["partial.e57", "whole.jpg"]);
        files["whole.jpg"].GetProperty("received").GetInt64().ShouldBe(1000);
        files["whole.jpg"].GetProperty("total").GetInt64().ShouldBe(1000);
        files["whole.jpg"].GetProperty("complete").GetBoolean().ShouldBeTrue();
        files["partial.e57"].GetProperty("received").GetInt64().ShouldBe(2000);
        files["partial.e57"].GetProperty("total").GetInt64().ShouldBe(5000);
        files["partial.e57"].GetProperty("complete").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task GetSession_Returns404_ForUnknownSession()
    {
        var response = await Client.GetSessionAsync(new string('A', 22));

        response.ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has-a-dash-in-it-000000")]
    [InlineData("under_score_0000000000")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task EveryUploadEndpoint_Returns400InvalidUploadId_ForMalformedId(string id)
    {
        (await Client.GetSessionAsync(id)).ShouldBeError(HttpStatusCode.BadRequest, "invalid_upload_id");
        (await Client.GetFileAsync(id, "a.jpg")).ShouldBeError(HttpStatusCode.BadRequest, "invalid_upload_id");
        (await Client.PutAsync(id, "a.jpg", [1, 2, 3])).ShouldBeError(HttpStatusCode.BadRequest, "invalid_upload_id");
        (await Client.DeleteSessionAsync(id)).ShouldBeError(HttpStatusCode.BadRequest, "invalid_upload_id");
    }

    [Fact]
    public async Task GetFile_Returns404FileNotFound_ForNameNotInSession()
    {
        var id = await Client.NewUploadAsync();

        var response = await Client.GetFileAsync(id, "missing.jpg");

        response.ShouldBeError(HttpStatusCode.NotFound, "file_not_found");
    }

    [Fact]
    public async Task GetFile_ReportsProgressOfAPartialFile()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(300, 3);
        await Client.PutChunkAsync(id, "scan.las", data, 0, 120);

        var response = await Client.GetFileAsync(id, "scan.las");

        response.ShouldBeProgress(120, 300, complete: false);
    }

    [Fact]
    public async Task Delete_Returns200Deleted_AndRemovesSessionAndBytes()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "a.jpg", TestData.Bytes(2048, 4));
        var blob = BlobFiles.SessionFile(fixture.DataDirectory, id, "a.jpg");
        File.Exists(blob).ShouldBeTrue("the stored file should be where the blob layout puts it");

        var deleted = await Client.DeleteSessionAsync(id);

        deleted.ShouldHaveStatus(HttpStatusCode.OK);
        deleted.Bool("deleted").ShouldBeTrue();
        (await Client.GetSessionAsync(id)).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await Client.GetFileAsync(id, "a.jpg")).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await Client.PutAsync(id, "b.jpg", [1])).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        await Poll.UntilAsync(() => !File.Exists(blob), TimeSpan.FromSeconds(5), "the deleted session's bytes to leave the disk");
    }

    [Fact]
    public async Task Delete_IsIdempotent()
    {
        var id = await Client.NewUploadAsync();

        var first = await Client.DeleteSessionAsync(id);
        var second = await Client.DeleteSessionAsync(id);
        var unknown = await Client.DeleteSessionAsync(new string('B', 22));

        foreach (var response in new[] { first, second, unknown })
        {
            response.ShouldHaveStatus(HttpStatusCode.OK);
            response.Bool("deleted").ShouldBeTrue();
        }
    }

    [GeneratedRegex("^[0-9A-Za-z]{22}$")]
    private static partial Regex Base62Id();
}
