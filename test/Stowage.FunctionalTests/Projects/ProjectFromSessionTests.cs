using System.Globalization;
using System.Net;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>POST /projects from a session, then GET /projects/{name} until 100 (seed 004, "The flow").</summary>
public sealed class ProjectFromSessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task Project_ReachesReadyWithFullRecord_WhenEveryFileIsComplete()
    {
        var id = await Client.NewUploadAsync();
        var files = new Dictionary<string, byte[]>
        {
            ["floor-1.e57"] = TestData.Bytes(300_000, 90),
            ["floor-2.e57"] = TestData.Bytes(123_457, 91),
            ["photo.jpg"] = TestData.Bytes(20_000, 92),
        };
        await Client.UploadAsync(id, "photo.jpg", files["photo.jpg"]);
        foreach (var name in new[] { "floor-1.e57", "floor-2.e57" })
        {
            var data = files[name];
            for (var start = 0; start < data.Length; start += 100_000)
            {
                await Client.PutChunkAsync(id, name, data, start, Math.Min(100_000, data.Length - start));
            }
        }

        var created = await Client.CreateProjectAsync(new { upload_id = id, title = "Building scan", privacy_mode = 2, coordinate_system = "EPSG:25832" });

        created.ShouldHaveStatus(HttpStatusCode.Created);
        var project = created.String("name");
        project.ShouldBe(id);
        created.Int("status").ShouldBe(0);
        var early = await Client.GetProjectAsync(project);
        early.ShouldHaveStatus(HttpStatusCode.OK);
        if (early.Int("status") < 100)
        {
            string.Join(",", early.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)).ShouldBe("name,status", early.ToString());
        }

        var ready = await Client.WaitForProjectAsync(project);

        ready.String("name").ShouldBe(project);
        ready.String("title").ShouldBe("Building scan");
        ready.Long("size").ShouldBe(files.Values.Sum(f => (long)f.Length));
        ready.Int("privacy_mode").ShouldBe(2);
        ready.String("coordinate_system").ShouldBe("EPSG:25832");
        ready.Int("epsg").ShouldBe(25832);
        var createdAt = DateTimeOffset.Parse(ready.String("created"), CultureInfo.InvariantCulture);
        var updatedAt = DateTimeOffset.Parse(ready.String("updated"), CultureInfo.InvariantCulture);
        updatedAt.ShouldBeGreaterThanOrEqualTo(createdAt);
        ready.Property("errors").GetArrayLength().ShouldBe(0);
        ready.ShouldHaveFiles(files);
    }

    [Fact]
    public async Task Project_ConsumesTheSession_AndKeepsItsFilesWhereTheyAre_WithoutLosingBytes()
    {
        var id = await Client.NewUploadAsync();
        var data = TestData.Bytes(64_000, 93);
        await Client.UploadAsync(id, "scan.ply", data);
        var sessionBlob = BlobFiles.SessionFile(fixture.DataDirectory, id, "scan.ply");

        var name = await Client.NewProjectAsync(id);

        (await Client.GetSessionAsync(id)).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        (await Client.PutAsync(id, "more.jpg", [1])).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");
        var ready = await Client.WaitForProjectAsync(name);
        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["scan.ply"] = data });
        // Records change, bytes stay: the project's file is the session file's blob, neither moved nor copied.
        File.ReadAllBytes(sessionBlob).ShouldBeBytes(data);
        (await Client.ProjectFileBytesAsync(name, "scan.ply")).ShouldBeBytes(data);
    }

    [Fact]
    public async Task Project_DefaultsTitleAndPrivacy_WhenOmitted()
    {
        var single = await Client.NewUploadAsync();
        await Client.UploadAsync(single, "kitchen.e57", [1, 2, 3]);
        var many = await Client.NewUploadAsync();
        await Client.UploadAsync(many, "a-first.jpg", [1]);
        await Client.UploadAsync(many, "b-second.jpg", [2]);
        await Client.UploadAsync(many, "c-third.jpg", [3]);

        var one = await Client.WaitForProjectAsync(await Client.NewProjectAsync(single));
        var three = await Client.WaitForProjectAsync(await Client.NewProjectAsync(many));

        one.Int("status").ShouldBe(100, one.ToString());
        one.String("title").ShouldStartWith("kitchen");
        one.Int("privacy_mode").ShouldBe(0);
        one.Property("coordinate_system").ValueKind.ShouldBe(JsonValueKind.Null);
        one.Property("epsg").ValueKind.ShouldBe(JsonValueKind.Null);
        three.String("title").ShouldEndWith("and 2 more");
    }

    [Fact]
    public async Task Project_HasNoEpsg_ForANonEpsgCoordinateSystem()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "a.las", [1, 2, 3]);
        (await Client.CreateProjectAsync(new { upload_id = id, coordinate_system = "local" })).ShouldHaveStatus(HttpStatusCode.Created);

        var ready = await Client.WaitForProjectAsync(id);

        ready.String("coordinate_system").ShouldBe("local");
        ready.Property("epsg").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Post_ReplayedForAConsumedSession_Returns201WithTheSameName()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "a.jpg", TestData.Bytes(1000, 94));
        var first = await Client.CreateProjectAsync(new { upload_id = id });
        first.ShouldHaveStatus(HttpStatusCode.Created);

        var replay = await Client.CreateProjectAsync(new { upload_id = id });
        await Client.WaitForProjectAsync(first.String("name"));
        var late = await Client.CreateProjectAsync(new { upload_id = id });

        replay.ShouldHaveStatus(HttpStatusCode.Created);
        replay.String("name").ShouldBe(first.String("name"));
        replay.Int("status").ShouldBeInRange(0, 100);
        late.ShouldHaveStatus(HttpStatusCode.Created);
        late.String("name").ShouldBe(first.String("name"));
        late.Int("status").ShouldBe(100);
        var list = await ProjectsNamedAsync(first.String("name"));
        list.ShouldBe(1, "a replay must not create a second project");
    }

    [Fact]
    public async Task Project_OfEmptyFile_IsReadyWithTheEmptyHash()
    {
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "empty.txt", []);

        var ready = await Client.WaitForProjectAsync(await Client.NewProjectAsync(id));

        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["empty.txt"] = [] });
    }

    private async Task<int> ProjectsNamedAsync(string name)
    {
        var list = await Client.ListProjectsAsync("?limit=1000");
        list.ShouldHaveStatus(HttpStatusCode.OK);
        return list.Property("projects").EnumerateArray().Count(p => p.GetProperty("name").GetString() == name);
    }
}
