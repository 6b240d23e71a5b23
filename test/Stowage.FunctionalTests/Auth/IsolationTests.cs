using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Auth;

/// <summary>
/// docs/protocols/sessions.md: another account's session, file or project is 404, exactly like an
/// unknown one ("ids of other accounts never leak"), and nothing another account does can touch it.
/// </summary>
public sealed class IsolationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task OtherAccount_Gets404_ForSessionFileAndProject()
    {
        var (_, intruder) = await fixture.NewAccountAsync("intruder");
        var id = await fixture.Client.NewUploadAsync();
        await fixture.Client.UploadAsync(id, "a.jpg", TestData.Bytes(100, 70));
        var projectSession = await fixture.Client.NewUploadAsync();
        await fixture.Client.UploadAsync(projectSession, "p.jpg", TestData.Bytes(100, 71));
        var project = await fixture.Client.NewProjectAsync(projectSession);

        (await intruder.GetSessionAsync(id)).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await intruder.GetFileAsync(id, "a.jpg")).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await intruder.PutAsync(id, "b.jpg", [1])).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await intruder.CreateProjectAsync(new { upload_id = id })).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await intruder.CreateProjectAsync(new { upload_id = projectSession })).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await intruder.GetProjectAsync(project)).ShouldBeError(HttpStatusCode.NotFound, "project_not_found");
        var list = await intruder.ListProjectsAsync();
        list.ShouldHaveStatus(HttpStatusCode.OK);
        list.Int("total").ShouldBe(0);
    }

    [Fact]
    public async Task OtherAccount_DeletingASession_LeavesItIntact()
    {
        var (_, intruder) = await fixture.NewAccountAsync("deleter");
        var id = await fixture.Client.NewUploadAsync();
        var data = TestData.Bytes(5000, 72);
        await fixture.Client.UploadAsync(id, "a.jpg", data);

        var delete = await intruder.DeleteSessionAsync(id);

        delete.ShouldHaveStatus(HttpStatusCode.OK);
        delete.Bool("deleted").ShouldBeTrue();
        (await fixture.Client.GetFileAsync(id, "a.jpg")).ShouldBeProgress(5000, 5000, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(fixture.DataDirectory, id, "a.jpg")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Project_Returns404ProjectNotFound_WhenUnknown()
    {
        var response = await fixture.Client.GetProjectAsync("NoSuchProject0000000000");

        response.ShouldBeError(HttpStatusCode.NotFound, "project_not_found");
    }
}
