using Stowage.Core.Projects;

namespace Stowage.Conformance.Metadata;

// IProjectStore: reading, listing, updating projects and their files.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetProject_ReturnsNull_WhenNoSuchProject()
    {
        (await Store.GetProjectAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListProjects_ReturnsTheAccountsProjects_NewestFirst_WithOffsetAndLimit()
    {
        var account = await AddAccountAsync();
        var other = await AddAccountAsync();
        var oldest = await AddProjectAsync(account.Id, created: At(10));
        var newest = await AddProjectAsync(account.Id, created: At(30));
        var middle = await AddProjectAsync(account.Id, created: At(20));
        await AddProjectAsync(other.Id, created: At(25));

        (await Store.ListProjectsAsync(account.Id, 0, 10, Ct)).Select(p => p.Name).ShouldBe([newest.Name, middle.Name, oldest.Name]);
        (await Store.ListProjectsAsync(account.Id, 1, 1, Ct)).Select(p => p.Name).ShouldBe([middle.Name]);
        (await Store.ListProjectsAsync(account.Id, 3, 10, Ct)).ShouldBeEmpty();
        ShouldMatch((await Store.ListProjectsAsync(account.Id, 0, 1, Ct)).Single(), newest);
    }

    [Fact]
    public async Task CountProjects_CountsOnlyTheAccountsProjects()
    {
        var account = await AddAccountAsync();
        var other = await AddAccountAsync();
        (await Store.CountProjectsAsync(account.Id, Ct)).ShouldBe(0);
        await AddProjectAsync(account.Id);
        await AddProjectAsync(account.Id);
        await AddProjectAsync(other.Id);

        (await Store.CountProjectsAsync(account.Id, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task UpdateProject_ReplacesStateStatusSizeUpdatedAndErrors_Only()
    {
        var account = await AddAccountAsync();
        var project = await AddProjectAsync(account.Id, sizeBytes: 10);
        var failed = project with
        {
            State = ProjectState.Failed,
            Status = -1,
            SizeBytes = 999,
            Updated = At(60),
            Errors = [new ProjectError("archive_corrupt", "The zip is truncated.", "scan.zip")],
        };

        await Store.UpdateProjectAsync(failed with { Title = "ignored", DownloadLink = "https://ignored", Created = At(1) }, Ct);

        ShouldMatch(await Store.GetProjectAsync(project.Name, Ct), failed);
        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(999);
    }

    [Fact]
    public async Task ListProjectFiles_ReturnsTheProjectsFiles_OrderedByPath()
    {
        var account = await AddAccountAsync();
        var project = NewProject(account.Id);
        var other = NewProject(account.Id);
        await Store.CreateProjectAsync(project, [NewProjectFile(project.Name, "b/2.jpg"), NewProjectFile(project.Name, "a.jpg")], null, NewJob(), null, Ct);
        await Store.CreateProjectAsync(other, [NewProjectFile(other.Name, "0.jpg")], null, NewJob(), null, Ct);
        await Store.UpsertProjectFileAsync(NewProjectFile(project.Name, "b/1.jpg", ProjectFileKind.Extracted), Ct);

        (await Store.ListProjectFilesAsync(project.Name, Ct)).Select(f => f.Path).ShouldBe(["a.jpg", "b/1.jpg", "b/2.jpg"]);
        (await Store.ListProjectFilesAsync("missing", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListProjectFiles_WithAPrefixAndAMarker_ReturnsOnePageInUtf8Order()
    {
        var account = await AddAccountAsync();
        var project = NewProject(account.Id);
        var other = NewProject(account.Id);
        // U+E000 sorts before U+1F600 in UTF-8 (EE.. < F0..) though not in UTF-16 (E000 > D83D); '%' and '_' are no wildcards.
        string[] paths = ["a.jpg", "b%_/x", "b/1.jpg", "b/2.jpg", "b/\uE000.jpg", "b/\U0001F600.jpg", "c.txt"];
        await Store.CreateProjectAsync(project, [.. paths.Reverse().Select(p => NewProjectFile(project.Name, p))], null, NewJob(), null, Ct);
        await Store.CreateProjectAsync(other, [NewProjectFile(other.Name, "b/0.jpg")], null, NewJob(), null, Ct);

        async Task<IEnumerable<string>> PageAsync(string prefix, string? after, int limit) =>
            (await Store.ListProjectFilesAsync(project.Name, prefix, after, limit, Ct)).Select(f => f.Path);

        (await PageAsync("", null, 100)).ShouldBe(paths);
        (await PageAsync("b/", null, 100)).ShouldBe(["b/1.jpg", "b/2.jpg", "b/\uE000.jpg", "b/\U0001F600.jpg"]);
        (await PageAsync("b/", "b/1.jpg", 2)).ShouldBe(["b/2.jpg", "b/\uE000.jpg"]);
        (await PageAsync("b/", "a", 1)).ShouldBe(["b/1.jpg"], "a marker before the prefix starts at the prefix");
        (await PageAsync("", "b/\uE000.jpg", 100)).ShouldBe(["b/\U0001F600.jpg", "c.txt"]);
        (await PageAsync("b%", null, 100)).ShouldBe(["b%_/x"]);
        (await PageAsync("c.txt", null, 1)).ShouldBe(["c.txt"], "a path is the first of its own prefix");
        (await PageAsync("", null, 0)).ShouldBeEmpty();
        (await Store.ListProjectFilesAsync("missing", "", null, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UpsertProjectFile_InsertsANewPath_AndReplacesAnExistingOne()
    {
        var account = await AddAccountAsync();
        var project = await AddProjectAsync(account.Id);
        var file = NewProjectFile(project.Name, "scan/part1.e57", ProjectFileKind.Extracted, 100) with { FromArchive = "scan.zip" };
        (await Store.UpsertProjectFileAsync(file, Ct)).ShouldBeTrue();
        var hashed = file with { Size = 120, Sha256 = new string('a', 64), Object = new("projects", "elsewhere") };

        (await Store.UpsertProjectFileAsync(hashed, Ct)).ShouldBeTrue();

        (await Store.ListProjectFilesAsync(project.Name, Ct)).ShouldBe([hashed]);
    }

    [Fact]
    public async Task DeleteProjectFiles_RemovesOnlyTheFilesOfThatKind_InThatProject()
    {
        var account = await AddAccountAsync();
        var project = NewProject(account.Id);
        var other = NewProject(account.Id);
        var uploaded = NewProjectFile(project.Name, "scan.zip");
        await Store.CreateProjectAsync(project, [uploaded], null, NewJob(), null, Ct);
        await Store.CreateProjectAsync(other, [], null, NewJob(), null, Ct);
        await Store.UpsertProjectFileAsync(NewProjectFile(project.Name, "x/1.jpg", ProjectFileKind.Extracted), Ct);
        await Store.UpsertProjectFileAsync(NewProjectFile(project.Name, "x/2.jpg", ProjectFileKind.Extracted), Ct);
        var otherExtracted = NewProjectFile(other.Name, "x/1.jpg", ProjectFileKind.Extracted);
        await Store.UpsertProjectFileAsync(otherExtracted, Ct);

        await Store.DeleteProjectFilesAsync(project.Name, ProjectFileKind.Extracted, Ct);

        (await Store.ListProjectFilesAsync(project.Name, Ct)).ShouldBe([uploaded]);
        (await Store.ListProjectFilesAsync(other.Name, Ct)).ShouldBe([otherExtracted]);
    }
}
