using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Projects;

public sealed class ProjectServiceCreateTests
{
    [Fact]
    public async Task Create_FromACompleteSession_IsNamedAfterTheSession_AndQueued()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("scan.e57", TestBytes.Random(100)), ("photo.jpg", TestBytes.Random(50)));

        var created = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        created.ShouldBe(new ProjectCreated(uploadId, ProjectStatus.Queued, ProjectService.ProcessingStarted));
        var project = await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct);
        project.ShouldNotBeNull();
        project.AccountId.ShouldBe(caller.AccountId);
        project.State.ShouldBe(ProjectState.Queued);
        project.SizeBytes.ShouldBe(150);
        project.SourceUploadId.ShouldBe(uploadId);
        (await h.Store.ListProjectFilesAsync(uploadId, CoreHarness.Ct)).Select(f => (f.Path, f.Size)).OrderBy(f => f.Path)
            .ShouldBe([("photo.jpg", 50L), ("scan.e57", 100L)]);
    }

    [Fact]
    public async Task Create_Again_AfterTheProjectWasDeleted_Is404_NotTheDeletedProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("scan.e57", TestBytes.Random(100)));
        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();
        var files = new ProjectFileService(h.Store, h.Blobs, Microsoft.Extensions.Logging.Abstractions.NullLogger<ProjectFileService>.Instance);
        (await files.DeleteAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();

        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task Create_EnqueuesTheJobThatProcessesTheProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("scan.e57", TestBytes.Random(100)));
        var enqueued = 0;
        h.Projects.JobEnqueued += () => enqueued++;

        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        enqueued.ShouldBe(1);
        var job = await h.Store.ClaimAsync("test", h.Time.GetUtcNow(), h.Time.GetUtcNow().AddMinutes(1), CoreHarness.Ct);
        job.ShouldNotBeNull();
        job.Kind.ShouldBe(ProjectJob.Kind);
        ProjectJob.ProjectOf(job).ShouldBe(uploadId);
    }

    [Fact]
    public async Task Create_KeepsTheGivenFields()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("scan.e57", TestBytes.Random(10)));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, "  Site survey  ", 2, " EPSG:25832 "), CoreHarness.Ct)).ShouldSucceed();

        var project = (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct))!;
        project.Title.ShouldBe("Site survey");
        project.PrivacyMode.ShouldBe(2);
        project.CoordinateSystem.ShouldBe("EPSG:25832");
    }

    [Fact]
    public async Task Create_TitlesTheProjectAfterItsOnlyFile_WhenNoTitleIsGiven()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("scan.e57", TestBytes.Random(10)));

        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        var project = (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct))!;
        project.Title.ShouldBe("scan");
        project.PrivacyMode.ShouldBe(0);
        project.CoordinateSystem.ShouldBeNull();
    }

    [Fact]
    public async Task Create_TitlesTheProjectAfterItsFirstFileAndCount_WhenNoTitleIsGiven()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("first.jpg", [1]), ("second.jpg", [2]), ("third.jpg", [3]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, "   ", null, null), CoreHarness.Ct)).ShouldSucceed();

        (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct))!.Title.ShouldBe("first and 2 more");
    }

    [Fact]
    public async Task Create_Returns400_WhenNeitherUploadIdNorDownloadLinkIsGiven()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, null, "t", null, null), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.UploadIdOrDownloadLinkRequired);
        (await h.Projects.CreateAsync(caller, new CreateProjectRequest("", "", null, null, null), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.UploadIdOrDownloadLinkRequired);
    }

    [Fact]
    public async Task Create_Returns400_WhenBothUploadIdAndDownloadLinkAreGiven()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, "https://example.com/a.zip", null, null, null), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.ProvideEitherUploadIdOrDownloadLink);
    }

    [Fact]
    public async Task Create_Returns400InvalidUploadId_ForAMalformedId()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Projects.CreateAsync(caller, Request("not-an-id"), CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidUploadId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public async Task Create_Returns400InvalidField_ForPrivacyModeOutOfRange(int privacyMode)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, null, privacyMode, null), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.InvalidField).Detail("field").ShouldBe("privacy_mode");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Create_AcceptsPrivacyModesZeroToTwo(int privacyMode)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, null, privacyMode, null), CoreHarness.Ct)).ShouldSucceed();

        (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct))!.PrivacyMode.ShouldBe(privacyMode);
    }

    [Fact]
    public async Task Create_Returns400InvalidField_ForATitleOverTheLimit()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxTitleLength = 20);
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, new string('t', 21), null, null), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.InvalidField).Detail("field").ShouldBe("title");
        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, new string('t', 20), null, null), CoreHarness.Ct))
            .ShouldSucceed();
    }

    [Fact]
    public async Task Create_Returns400InvalidField_ForATitleWithControlCharacters()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, "line\nbreak", null, null), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.InvalidField).Detail("field").ShouldBe("title");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("EPSG:\u0000")]
    [InlineData("EPSG:25832EPSG:25832EPSG:25832EPSG:25832EPSG:25832EPSG:25832EPSG:")]
    public async Task Create_Returns400InvalidField_ForAnUnusableCoordinateSystem(string crs)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, null, null, crs), CoreHarness.Ct))
            .ShouldFailWith(StowageErrors.InvalidField).Detail("field").ShouldBe("coordinate_system");
    }

    [Fact]
    public async Task Create_Returns400ProjectCreationFailedWithIncompleteFiles_WhenAFileIsIncomplete()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("done.jpg", [1]));
        (await h.PutChunkAsync(caller, uploadId, "half.e57", new byte[10], 0, 20)).ShouldSucceed();
        (await h.PutChunkAsync(caller, uploadId, "none.e57", new byte[10], 0, 20)).ShouldSucceed();

        var failure = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.ProjectCreationFailed);

        failure.Detail("incomplete_files").ShouldBeAssignableTo<IEnumerable<string>>()!.ShouldBe(["half.e57", "none.e57"]);
        (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct)).ShouldBeNull();
        (await h.Uploads.GetSessionAsync(caller, uploadId, CoreHarness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Create_Returns400ProjectCreationFailed_ForASessionWithoutFiles()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);

        var failure = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.ProjectCreationFailed);

        failure.Detail("incomplete_files").ShouldBeAssignableTo<IEnumerable<string>>()!.ShouldBeEmpty();
        (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_Returns404_ForAnUnknownSession()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Projects.CreateAsync(caller, Request(UploadIds.New()), CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task Create_Returns404_ForAnotherAccountsSession()
    {
        await using var h = await CoreHarness.CreateAsync();
        var owner = await h.CallerAsync("owner");
        var other = await h.CallerAsync("other");
        var uploadId = await h.CompleteSessionAsync(owner, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(other, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
        (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_Returns404_ForAnExpiredSession()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = 60);
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));
        h.Time.AdvanceSeconds(60);

        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.UploadSessionNotFound);
    }

    [Fact]
    public async Task Create_Retried_AnswersTheSameProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));
        var first = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        var again = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        again.ShouldBe(first);
        (await h.Projects.ListAsync(caller, 0, 100, CoreHarness.Ct)).ShouldSucceed().Total.ShouldBe(1);
    }

    [Fact]
    public async Task Create_Retried_AfterProcessing_AnswersTheCurrentStatus()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));
        var first = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var again = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        again.ShouldBe(first with { Status = ProjectStatus.Ready });
    }

    [Fact]
    public async Task Create_PicksANameWithASuffix_WhenTheSessionsNameIsTaken()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));
        var squatter = new ProjectRecord(uploadId, caller.AccountId, "older", ProjectState.Ready, ProjectStatus.Ready, 0, null, null, null, 0,
            h.Time.GetUtcNow(), h.Time.GetUtcNow(), []);
        (await h.Store.CreateProjectAsync(squatter, [], null, ProjectJob.Create(uploadId, h.Time.GetUtcNow()), null, CoreHarness.Ct)).Outcome
            .ShouldBe(ProjectCreationOutcome.Created);

        var created = (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed();

        created.Name.ShouldMatch($"^{uploadId}-[0-9A-Za-z]{{6}}$");
        var project = (await h.Store.GetProjectAsync(created.Name, CoreHarness.Ct))!;
        project.SourceUploadId.ShouldBe(uploadId);
        (await h.Store.ListProjectFilesAsync(created.Name, CoreHarness.Ct)).Single().Path.ShouldBe("a.jpg");
        (await h.Store.GetProjectAsync(uploadId, CoreHarness.Ct))!.Title.ShouldBe("older");
        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldSucceed().Name.ShouldBe(created.Name);
    }

    [Fact]
    public async Task Create_Returns403ProjectLimitReachedWithLimit_AtTheAccountsMaximum()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { MaxProjects = 1 });
        await h.CreateProjectAsync(caller, ("a.jpg", [1]));
        var second = await h.CompleteSessionAsync(caller, ("b.jpg", [2]));

        var failure = (await h.Projects.CreateAsync(caller, Request(second), CoreHarness.Ct)).ShouldFailWith(StowageErrors.ProjectLimitReached);

        failure.Detail("limit").ShouldBe(1);
        (await h.Uploads.GetSessionAsync(caller, second, CoreHarness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Create_NeverPassesTheAccountsMaximum_WhenCreationsRunAtOnce()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { MaxProjects = 2 });
        var sessions = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            sessions.Add(await h.CompleteSessionAsync(caller, ($"{i}.jpg", [(byte)i])));
        }

        // All six pass the early count (none is created yet) before any goes on: only the store's
        // check inside its write transaction can keep the account at its limit.
        var store = new CountBarrierStore(h.Store, parties: sessions.Count);
        var projects = new ProjectService(store, h.Store, h.Fetcher, Options.Create(h.Settings.Uploads), Options.Create(h.Settings.Processing), h.Time, NullLogger<ProjectService>.Instance);
        var results = await Task.WhenAll(sessions.Select(id => Task.Run(() => projects.CreateAsync(caller, Request(id), CoreHarness.Ct))));

        results.Count(r => r.IsSuccess).ShouldBe(2);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.Failure!.Error == StowageErrors.ProjectLimitReached);
        results.Where(r => !r.IsSuccess).Select(r => r.Failure!.Detail("limit")).ShouldAllBe(limit => Equals(limit, 2));
        (await h.Store.CountProjectsAsync(caller.AccountId, CoreHarness.Ct)).ShouldBe(2);
    }

    /// <summary>Answers CountProjectsAsync only once every party has asked, so all see the same count.</summary>
    private sealed class CountBarrierStore(IProjectStore inner, int parties) : IProjectStore
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public async Task<int> CountProjectsAsync(string accountId, CancellationToken cancellationToken)
        {
            var count = await inner.CountProjectsAsync(accountId, cancellationToken);
            if (Interlocked.Increment(ref _arrived) == parties)
            {
                _all.SetResult();
            }

            await _all.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return count;
        }

        public Task<ProjectCreation> CreateProjectAsync(ProjectRecord project, IReadOnlyList<ProjectFileRecord> files, string? consumeSessionId, JobRecord job, int? maxProjects, CancellationToken cancellationToken) =>
            inner.CreateProjectAsync(project, files, consumeSessionId, job, maxProjects, cancellationToken);

        public Task<ProjectRecord?> GetProjectAsync(string name, CancellationToken cancellationToken) => inner.GetProjectAsync(name, cancellationToken);

        public Task<IReadOnlyList<ProjectRecord>> ListProjectsAsync(string accountId, int offset, int limit, CancellationToken cancellationToken) =>
            inner.ListProjectsAsync(accountId, offset, limit, cancellationToken);

        public Task UpdateProjectAsync(ProjectRecord project, CancellationToken cancellationToken) => inner.UpdateProjectAsync(project, cancellationToken);

        public Task<bool> DeleteProjectAsync(string name, CancellationToken cancellationToken) => inner.DeleteProjectAsync(name, cancellationToken);

        public Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, CancellationToken cancellationToken) =>
            inner.ListProjectFilesAsync(projectName, cancellationToken);

        public Task<IReadOnlyList<ProjectFileRecord>> ListProjectFilesAsync(string projectName, string pathPrefix, string? afterPath, int limit, CancellationToken cancellationToken) =>
            inner.ListProjectFilesAsync(projectName, pathPrefix, afterPath, limit, cancellationToken);

        public Task<bool> UpsertProjectFileAsync(ProjectFileRecord file, CancellationToken cancellationToken) => inner.UpsertProjectFileAsync(file, cancellationToken);

        public Task DeleteProjectFilesAsync(string projectName, ProjectFileKind kind, CancellationToken cancellationToken) =>
            inner.DeleteProjectFilesAsync(projectName, kind, cancellationToken);
    }

    [Fact]
    public async Task Create_Returns403ProjectLimitReached_WhenTheMaximumIsZero()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync(configure: a => a with { MaxProjects = 0 });
        var uploadId = await h.CompleteSessionAsync(caller, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(caller, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.ProjectLimitReached).Detail("limit").ShouldBe(0);
    }

    [Fact]
    public async Task Create_Returns403TariffForbidsUpload_WhenTheAccountMayNotUpload()
    {
        await using var h = await CoreHarness.CreateAsync();
        var allowed = await h.CallerAsync();
        var uploadId = await h.CompleteSessionAsync(allowed, ("a.jpg", [1]));
        var forbidden = await h.CallerAsync(configure: a => a with { UploadAllowed = false });

        (await h.Projects.CreateAsync(forbidden, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.TariffForbidsUpload);
    }

    [Fact]
    public async Task Create_Returns403InsufficientScope_ForAReadOnlyKey()
    {
        await using var h = await CoreHarness.CreateAsync();
        var writer = await h.CallerAsync();
        var reader = await h.CallerAsync(scopes: [Scopes.ProjectsRead]);
        var uploadId = await h.CompleteSessionAsync(writer, ("a.jpg", [1]));

        (await h.Projects.CreateAsync(reader, Request(uploadId), CoreHarness.Ct)).ShouldFailWith(StowageErrors.InsufficientScope).Detail("required").ShouldBe(Scopes.ProjectsWrite);
    }

    [Theory]
    [InlineData("ftp://example.com/a.zip")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/a.zip")]
    [InlineData("not a url")]
    public async Task Create_Returns400InvalidDownloadLink_ForAnythingButAbsoluteHttp(string link)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, link, null, null, null), CoreHarness.Ct)).ShouldFailWith(StowageErrors.InvalidDownloadLink);
    }

    [Fact]
    public async Task Create_FromADownloadLink_IsTitledAfterTheLinksFile()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();

        var created = (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, "https://example.com/data/site%20scan.zip", null, null, null), CoreHarness.Ct)).ShouldSucceed();

        UploadIds.IsWellFormed(created.Name).ShouldBeTrue();
        var project = (await h.Store.GetProjectAsync(created.Name, CoreHarness.Ct))!;
        project.Title.ShouldBe("site scan.zip");
        new Uri(project.DownloadLink!).AbsoluteUri.ShouldBe("https://example.com/data/site%20scan.zip");
    }

    private static CreateProjectRequest Request(string uploadId) => new(uploadId, null, null, null, null);
}
