using Stowage.Core.Accounts;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Conformance.Metadata;

// Builders for test data. Times are whole milliseconds in UTC: the precision every backend must keep.
public abstract partial class MetadataStoreConformance
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    private static int sequence;

    protected static string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref sequence):D6}-{Guid.NewGuid():N}";

    protected static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    protected async Task<Account> AddAccountAsync(long? quotaBytes = null, string? name = null)
    {
        var account = new Account(NewId("acct"), name ?? NewId("name"), true, quotaBytes, null, null, null, T0);
        (await Store.CreateAccountAsync(account, Ct)).ShouldBeTrue();
        return account;
    }

    protected async Task<UploadSessionRecord> AddSessionAsync(string accountId, DateTimeOffset? created = null, DateTimeOffset? expiresAt = null)
    {
        var session = new UploadSessionRecord(NewId("up"), accountId, created ?? T0, expiresAt ?? At(3600), null);
        await Store.CreateSessionAsync(session, Ct);
        return session;
    }

    protected static UploadFileRecord NewFile(string sessionId, string name, long total, long received = 0) =>
        new(sessionId, name, total, received, new ObjectRef("uploads", $"{sessionId}/{name}"), T0, T0);

    /// <summary>Reserves a file with no caps and checks it was created.</summary>
    protected async Task<UploadFileRecord> AddFileAsync(string sessionId, string accountId, string name, long total)
    {
        var reservation = await Store.ReserveFileAsync(NewFile(sessionId, name, total), accountId, Unlimited, Ct);
        reservation.Outcome.ShouldBe(ReservationOutcome.Created);
        return reservation.File!;
    }

    protected static ReservationLimits Unlimited => new(null, null);

    protected static ProjectRecord NewProject(string accountId, string? name = null, long sizeBytes = 0, DateTimeOffset? created = null, string? sourceUploadId = null) =>
        new(name ?? NewId("proj"), accountId, "A title", ProjectState.Queued, 0, 1, null, sourceUploadId, null, sizeBytes,
            created ?? T0, created ?? T0, []);

    protected static ProjectFileRecord NewProjectFile(string projectName, string path, ProjectFileKind kind = ProjectFileKind.Uploaded, long size = 10) =>
        new(projectName, path, kind, size, null, new ObjectRef("projects", $"{projectName}/{path}"), null);

    protected static JobRecord NewJob(DateTimeOffset? created = null, DateTimeOffset? runAfter = null, string kind = "project.process") =>
        new(NewId("job"), kind, """{"project":"p"}""", JobState.Queued, 0, runAfter ?? created ?? T0, created ?? T0, created ?? T0, null, null, null);

    protected async Task<ProjectRecord> AddProjectAsync(string accountId, long sizeBytes = 0, DateTimeOffset? created = null, IReadOnlyList<ProjectFileRecord>? files = null)
    {
        var project = NewProject(accountId, sizeBytes: sizeBytes, created: created);
        var creation = await Store.CreateProjectAsync(project, files ?? [], null, NewJob(created), null, Ct);
        creation.Outcome.ShouldBe(ProjectCreationOutcome.Created);
        return project;
    }

    protected async Task<JobRecord> AddJobAsync(DateTimeOffset? created = null, DateTimeOffset? runAfter = null)
    {
        var job = NewJob(created, runAfter);
        await Store.EnqueueAsync(job, Ct);
        return job;
    }

    /// <summary>Records with list members compare those lists by reference, so compare them apart.</summary>
    protected static void ShouldMatch(ApiKeyRecord? actual, ApiKeyRecord expected)
    {
        actual.ShouldNotBeNull();
        actual.Scopes.ShouldBe(expected.Scopes);
        (actual with { Scopes = expected.Scopes }).ShouldBe(expected);
    }

    protected static void ShouldMatch(ProjectRecord? actual, ProjectRecord expected)
    {
        actual.ShouldNotBeNull();
        actual.Errors.ShouldBe(expected.Errors);
        (actual with { Errors = expected.Errors }).ShouldBe(expected);
    }
}
