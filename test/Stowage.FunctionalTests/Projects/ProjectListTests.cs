using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>GET /projects?offset=&amp;limit= (docs/protocols/sessions.md, "Endpoints"): the caller's projects, newest first.</summary>
public sealed class ProjectListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task List_ReturnsTheAccountsProjectsWithTotalAndPaging()
    {
        var (_, client) = await fixture.NewAccountAsync("lister");
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await client.NewUploadAsync();
            await client.UploadAsync(id, $"file-{i}.jpg", TestData.Bytes(100 + i, 100 + i));
            names.Add(await client.NewProjectAsync(id, $"Project {i}"));
        }

        foreach (var name in names)
        {
            (await client.WaitForProjectAsync(name)).Int("status").ShouldBe(100);
        }

        var all = await client.ListProjectsAsync();
        var page = await client.ListProjectsAsync("?offset=1&limit=1");

        all.ShouldHaveStatus(HttpStatusCode.OK);
        all.Int("total").ShouldBe(3);
        all.Int("offset").ShouldBe(0);
        all.Int("limit").ShouldBe(100);
        var projects = all.Property("projects").EnumerateArray().ToList();
        projects.Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal));
        foreach (var project in projects)
        {
            var i = names.IndexOf(project.GetProperty("name").GetString()!);
            project.GetProperty("title").GetString().ShouldBe($"Project {i}");
            project.GetProperty("status").GetInt32().ShouldBe(100);
            project.GetProperty("size").GetInt64().ShouldBe(100 + i);
            project.TryGetProperty("created", out _).ShouldBeTrue();
            project.TryGetProperty("updated", out _).ShouldBeTrue();
        }

        page.ShouldHaveStatus(HttpStatusCode.OK);
        page.Int("total").ShouldBe(3);
        page.Int("offset").ShouldBe(1);
        page.Int("limit").ShouldBe(1);
        page.Property("projects").GetArrayLength().ShouldBe(1);
        page.Property("projects")[0].GetProperty("name").GetString().ShouldBe(projects[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_IsEmpty_ForAnAccountWithoutProjects()
    {
        var (_, client) = await fixture.NewAccountAsync("nolist");

        var list = await client.ListProjectsAsync();

        list.ShouldHaveStatus(HttpStatusCode.OK);
        list.Int("total").ShouldBe(0);
        list.Property("projects").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?offset=-1")]
    [InlineData("?limit=abc")]
    public async Task List_Returns400InvalidField_ForBadPaging(string query)
    {
        var list = await fixture.Client.ListProjectsAsync(query);

        list.ShouldBeError(HttpStatusCode.BadRequest, "invalid_field");
        list.Has("field").ShouldBeTrue(list.ToString());
    }
}
