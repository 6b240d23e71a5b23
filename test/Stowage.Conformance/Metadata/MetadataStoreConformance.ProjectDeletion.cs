using Stowage.Core.Projects;

namespace Stowage.Conformance.Metadata;

// IProjectStore: deleting a project (ProjectState.Deleting is final: no file is recorded in it any more; rows go last).
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task DeleteProject_RemovesTheProjectAndItsFiles_AndItsUsage_AndIsFalseTheSecondTime()
    {
        var account = await AddAccountAsync();
        var project = NewProject(account.Id, sizeBytes: 500);
        await Store.CreateProjectAsync(project, [NewProjectFile(project.Name, "a.jpg")], null, NewJob(), null, Ct);
        await Store.UpsertProjectFileAsync(NewProjectFile(project.Name, "x/1.jpg", ProjectFileKind.Extracted), Ct);
        var kept = await AddProjectAsync(account.Id, sizeBytes: 7);

        (await Store.DeleteProjectAsync(project.Name, Ct)).ShouldBeTrue();
        (await Store.DeleteProjectAsync(project.Name, Ct)).ShouldBeFalse();

        (await Store.GetProjectAsync(project.Name, Ct)).ShouldBeNull();
        (await Store.ListProjectFilesAsync(project.Name, Ct)).ShouldBeEmpty();
        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(7);
        (await Store.GetProjectAsync(kept.Name, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task UpdateProject_CannotBringBackAProjectBeingDeleted_WhichListsAndCountsNoMore()
    {
        var account = await AddAccountAsync();
        var project = await AddProjectAsync(account.Id);
        await Store.UpdateProjectAsync(project with { State = ProjectState.Deleting }, Ct);

        await Store.UpdateProjectAsync(project with { State = ProjectState.Ready, Status = ProjectStatus.Ready }, Ct);

        (await Store.GetProjectAsync(project.Name, Ct))!.State.ShouldBe(ProjectState.Deleting);
        (await Store.ListProjectsAsync(account.Id, 0, 10, Ct)).ShouldBeEmpty();
        (await Store.CountProjectsAsync(account.Id, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task UpsertProjectFile_WritesNothing_ForAProjectBeingDeletedOrGone()
    {
        var account = await AddAccountAsync();
        var deleting = await AddProjectAsync(account.Id);
        var existing = NewProjectFile(deleting.Name, "x/1.jpg", ProjectFileKind.Extracted);
        (await Store.UpsertProjectFileAsync(existing, Ct)).ShouldBeTrue();
        await Store.UpdateProjectAsync(deleting with { State = ProjectState.Deleting }, Ct);

        (await Store.UpsertProjectFileAsync(NewProjectFile(deleting.Name, "x/2.jpg", ProjectFileKind.Extracted), Ct)).ShouldBeFalse();
        (await Store.UpsertProjectFileAsync(existing with { Sha256 = new string('a', 64) }, Ct)).ShouldBeFalse();
        (await Store.UpsertProjectFileAsync(NewProjectFile("no-such-project", "x/1.jpg", ProjectFileKind.Extracted), Ct)).ShouldBeFalse();

        (await Store.ListProjectFilesAsync(deleting.Name, Ct)).ShouldBe([existing]);
        (await Store.ListProjectFilesAsync("no-such-project", Ct)).ShouldBeEmpty();
    }
}
