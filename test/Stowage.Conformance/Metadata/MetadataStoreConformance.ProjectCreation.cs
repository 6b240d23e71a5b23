using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Uploads;

namespace Stowage.Conformance.Metadata;

// IProjectStore.CreateProjectAsync: session consumption, name check and inserts as one atomic unit.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task CreateProject_ReturnsCreated_AndStoresTheProjectItsFilesAndItsJob()
    {
        var account = await AddAccountAsync();
        var project = NewProject(account.Id, sizeBytes: 30) with
        {
            CoordinateSystem = "EPSG:4326",
            DownloadLink = "https://example.com/a.zip",
            Errors = [new ProjectError("E1", "bad", "a.jpg"), new ProjectError("E2", "worse", null)],
        };
        var files = new[] { NewProjectFile(project.Name, "b.jpg", size: 20), NewProjectFile(project.Name, "a.jpg") };
        var job = NewJob() with { Payload = $$"""{"project":"{{project.Name}}"}""" };

        var creation = await Store.CreateProjectAsync(project, files, null, job, null, Ct);

        creation.ShouldBe(new ProjectCreation(ProjectCreationOutcome.Created, null));
        ShouldMatch(await Store.GetProjectAsync(project.Name, Ct), project);
        (await Store.ListProjectFilesAsync(project.Name, Ct)).ShouldBe([files[1], files[0]]);
        (await Store.GetJobAsync(job.Id, Ct)).ShouldBe(job);
    }

    [Fact]
    public async Task CreateProject_ConsumesTheSession_SoItsFilesCountAsTheProjectsSize()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        await AddFileAsync(session.Id, account.Id, "a", 100);
        var project = NewProject(account.Id, sizeBytes: 100, sourceUploadId: session.Id);

        var creation = await Store.CreateProjectAsync(project, [NewProjectFile(project.Name, "a", size: 100)], session.Id, NewJob(), null, Ct);

        creation.Outcome.ShouldBe(ProjectCreationOutcome.Created);
        (await Store.GetSessionAsync(session.Id, Ct))!.ProjectName.ShouldBe(project.Name);
        (await Store.GetAccountUsageAsync(account.Id, Ct)).ShouldBe(100);
    }

    [Fact]
    public async Task CreateProject_ReturnsNameTaken_AndWritesNothing()
    {
        var account = await AddAccountAsync();
        var existing = await AddProjectAsync(account.Id);
        var session = await AddSessionAsync(account.Id);
        var clash = NewProject(account.Id, name: existing.Name) with { Title = "clash" };
        var job = NewJob();

        var creation = await Store.CreateProjectAsync(clash, [NewProjectFile(clash.Name, "new.jpg")], session.Id, job, null, Ct);

        creation.ShouldBe(new ProjectCreation(ProjectCreationOutcome.NameTaken, null));
        ShouldMatch(await Store.GetProjectAsync(existing.Name, Ct), existing);
        (await Store.ListProjectFilesAsync(existing.Name, Ct)).ShouldBeEmpty();
        (await Store.GetJobAsync(job.Id, Ct)).ShouldBeNull();
        (await Store.GetSessionAsync(session.Id, Ct))!.ProjectName.ShouldBeNull();
    }

    [Fact]
    public async Task CreateProject_ReturnsSessionConsumed_WithTheProjectItBecame()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var first = NewProject(account.Id);
        await Store.CreateProjectAsync(first, [], session.Id, NewJob(), null, Ct);
        var second = NewProject(account.Id);
        var job = NewJob();

        var creation = await Store.CreateProjectAsync(second, [], session.Id, job, null, Ct);

        creation.ShouldBe(new ProjectCreation(ProjectCreationOutcome.SessionConsumed, first.Name));
        (await Store.GetProjectAsync(second.Name, Ct)).ShouldBeNull();
        (await Store.GetJobAsync(job.Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateProject_ReturnsSessionConsumed_EvenWhenRetriedWithTheSameName()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var project = NewProject(account.Id);
        await Store.CreateProjectAsync(project, [], session.Id, NewJob(), null, Ct);

        var retry = await Store.CreateProjectAsync(project, [], session.Id, NewJob(), null, Ct);

        retry.ShouldBe(new ProjectCreation(ProjectCreationOutcome.SessionConsumed, project.Name));
    }

    [Fact]
    public async Task CreateProject_ReturnsSessionGone_AndWritesNothing_WhenTheSessionDoesNotExist()
    {
        var account = await AddAccountAsync();
        var project = NewProject(account.Id);
        var job = NewJob();

        var creation = await Store.CreateProjectAsync(project, [NewProjectFile(project.Name, "a")], "missing", job, null, Ct);

        creation.ShouldBe(new ProjectCreation(ProjectCreationOutcome.SessionGone, null));
        (await Store.GetProjectAsync(project.Name, Ct)).ShouldBeNull();
        (await Store.GetJobAsync(job.Id, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateProject_UnderParallelAttemptsOnOneSession_CreatesExactlyOneProject()
    {
        var account = await AddAccountAsync();
        var session = await AddSessionAsync(account.Id);
        var projects = Enumerable.Range(0, 10).Select(_ => NewProject(account.Id)).ToList();

        var creations = await Task.WhenAll(projects.Select(p => Task.Run(() =>
            Store.CreateProjectAsync(p, [NewProjectFile(p.Name, "a")], session.Id, NewJob(), null, Ct))));

        creations.Count(c => c.Outcome == ProjectCreationOutcome.Created).ShouldBe(1);
        var winner = projects[Array.FindIndex(creations, c => c.Outcome == ProjectCreationOutcome.Created)];
        creations.Where(c => c.Outcome != ProjectCreationOutcome.Created)
            .ShouldAllBe(c => c.Outcome == ProjectCreationOutcome.SessionConsumed && c.ExistingProjectName == winner.Name);
        (await Store.CountProjectsAsync(account.Id, Ct)).ShouldBe(1);
        (await Store.GetSessionAsync(session.Id, Ct))!.ProjectName.ShouldBe(winner.Name);
    }

    [Fact]
    public async Task CreateProject_ReturnsLimitReached_AndChangesNothing_WhenTheAccountHasMaxProjects()
    {
        var account = await AddAccountAsync();
        var other = await AddAccountAsync();
        await Store.CreateProjectAsync(NewProject(account.Id), [], null, NewJob(), 2, Ct);
        await Store.CreateProjectAsync(NewProject(account.Id), [], null, NewJob(), 2, Ct);
        (await Store.CreateProjectAsync(NewProject(other.Id), [], null, NewJob(), 2, Ct)).Outcome.ShouldBe(ProjectCreationOutcome.Created);
        var session = await AddSessionAsync(account.Id);
        var third = NewProject(account.Id);
        var job = NewJob();

        var creation = await Store.CreateProjectAsync(third, [NewProjectFile(third.Name, "a.jpg")], session.Id, job, 2, Ct);

        creation.ShouldBe(new ProjectCreation(ProjectCreationOutcome.LimitReached, null));
        (await Store.GetProjectAsync(third.Name, Ct)).ShouldBeNull();
        (await Store.GetJobAsync(job.Id, Ct)).ShouldBeNull();
        (await Store.GetSessionAsync(session.Id, Ct))!.ProjectName.ShouldBeNull();
        (await Store.CountProjectsAsync(account.Id, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task CreateProject_UnderParallelAttemptsOnManySessions_NeverPassesTheAccountsLimit()
    {
        var account = await AddAccountAsync();
        var sessions = new List<UploadSessionRecord>();
        for (var i = 0; i < 10; i++)
        {
            sessions.Add(await AddSessionAsync(account.Id));
        }

        var creations = await Task.WhenAll(sessions.Select(session => Task.Run(() =>
        {
            var project = NewProject(account.Id);
            return Store.CreateProjectAsync(project, [], session.Id, NewJob(), 3, Ct);
        })));

        creations.Count(c => c.Outcome == ProjectCreationOutcome.Created).ShouldBe(3);
        creations.Where(c => c.Outcome != ProjectCreationOutcome.Created).ShouldAllBe(c => c.Outcome == ProjectCreationOutcome.LimitReached);
        (await Store.CountProjectsAsync(account.Id, Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task CreateProject_EnqueuesAJobThatWorkersCanClaim()
    {
        var account = await AddAccountAsync();
        var job = NewJob();
        await Store.CreateProjectAsync(NewProject(account.Id), [], null, job, null, Ct);

        var claimed = await Store.ClaimAsync("worker", At(1), At(61), Ct);

        claimed.ShouldNotBeNull();
        claimed.Id.ShouldBe(job.Id);
        claimed.State.ShouldBe(JobState.Running);
    }
}
