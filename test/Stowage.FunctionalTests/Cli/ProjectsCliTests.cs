using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Cli;

/// <summary><c>stowage projects list|show|delete</c> beside a running server (README, "Commands").</summary>
public sealed class ProjectsCliTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ListShowDelete_SeeTheAccountsProject_AndDeleteRemovesItForTheApiToo()
    {
        var (key, client) = await fixture.NewAccountAsync("cli-projects");
        var data = RandomNumberGenerator.GetBytes(20_000);
        var id = await client.NewUploadAsync();
        await client.UploadAsync(id, "scan.e57", data);
        var name = await client.NewProjectAsync(id, "North wing");
        (await client.WaitForProjectAsync(name)).Int("status").ShouldBe(100);

        var listed = await RunAsync(0, "projects", "list", "--account", key.Account, "--json");
        using (var list = JsonDocument.Parse(listed.StandardOutput))
        {
            var only = list.RootElement.EnumerateArray().ShouldHaveSingleItem();
            only.GetProperty("name").GetString().ShouldBe(name);
            only.GetProperty("account").GetString().ShouldBe(key.Account);
            only.GetProperty("title").GetString().ShouldBe("North wing");
            only.GetProperty("status").GetInt32().ShouldBe(100);
        }

        var shown = await RunAsync(0, "projects", "show", name, "--json");
        using (var show = JsonDocument.Parse(shown.StandardOutput))
        {
            var file = show.RootElement.GetProperty("files").EnumerateArray().ShouldHaveSingleItem();
            file.GetProperty("name").GetString().ShouldBe("scan.e57");
            file.GetProperty("sha256").GetString().ShouldBe(TestData.Sha256Hex(data));
        }

        await RunAsync(1, "projects", "delete", name, "--account", "default");
        (await client.GetProjectAsync(name)).ShouldHaveStatus(HttpStatusCode.OK);

        var deleted = await RunAsync(0, "projects", "delete", name, "--json");
        deleted.StandardOutput.ShouldContain("\"deleted\":true");
        (await client.GetProjectAsync(name)).ShouldBeError(HttpStatusCode.NotFound, "project_not_found");
        (await RunAsync(0, "projects", "list", "--account", key.Account, "--json")).StandardOutput.Trim().ShouldBe("[]");
        (await RunAsync(0, "projects", "delete", name, "--json")).StandardOutput.ShouldContain("\"deleted\":false");
        await RunAsync(1, "projects", "show", name);
    }

    private async Task<ProcessResult> RunAsync(int expectedExit, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepoPaths.CliDll, .. arguments, "--data", fixture.DataDirectory], Timeout);
        result.ExitCode.ShouldBe(expectedExit, result.ToString());
        return result;
    }
}
