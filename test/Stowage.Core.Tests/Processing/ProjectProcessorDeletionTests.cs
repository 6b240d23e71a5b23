using Microsoft.Extensions.Logging.Abstractions;
using Stowage.Core.Accounts;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Tests.Support;
using Stowage.Core.Uploads;

namespace Stowage.Core.Tests.Processing;

/// <summary>
/// DELETE /projects/{name} while the project's job is still writing into it (docs/protocols/sessions.md, "Deleting
/// a project"): the deletion lists the project's files and deletes their bytes, so whatever the job writes after
/// that listing must not stay behind. The job records no file in a project being deleted, removes the bytes it
/// wrote for it, and stops.
/// </summary>
public sealed class ProjectProcessorDeletionTests
{
    [Fact]
    public async Task Run_StopsAndLeavesNoUnpackedBytes_WhenTheProjectIsDeletedBetweenTwoEntries()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("scans.zip", Zips.Of(("a.txt", TestBytes.Random(100)), ("b.txt", TestBytes.Random(200, seed: 2)))));
        var projects = new HookedProjectStore(h.Store);
        projects.AfterUpsertFile = async file =>
        {
            if (file.Path == "a.txt")
            {
                (await Files(h).DeleteAsync(caller, name, CoreHarness.Ct)).ShouldSucceed();
            }
        };

        (await h.ProcessorOver(projects).RunAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), CoreHarness.Ct)).ShouldBe(JobOutcome.Done);

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct)).ShouldBeNull();
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).ShouldBeEmpty();
        (await h.ReadObjectAsync(h.ExtractedObject(name, "a.txt"))).ShouldBeNull();
        (await h.ReadObjectAsync(h.ExtractedObject(name, "b.txt"))).ShouldBeNull();
        (await h.ReadObjectAsync(h.SessionObject(name, "scans.zip"))).ShouldBeNull();
    }

    [Fact]
    public async Task Run_RemovesTheEntryItWrote_WhenTheProjectIsDeletedBetweenTheEntrysBytesAndItsRecord()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("scans.zip", Zips.Of(("a.txt", TestBytes.Random(100)), ("b.txt", TestBytes.Random(200, seed: 2)))));
        var projects = new HookedProjectStore(h.Store);
        projects.BeforeUpsertFile = async file =>
        {
            if (file.Path == "b.txt")
            {
                // b.txt's bytes are stored: the deletion's listing cannot see them, only a.txt's record.
                (await h.ReadObjectAsync(file.Object)).ShouldNotBeNull();
                (await Files(h).DeleteAsync(caller, name, CoreHarness.Ct)).ShouldSucceed();
            }
        };

        (await h.ProcessorOver(projects).RunAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), CoreHarness.Ct)).ShouldBe(JobOutcome.Done);

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct)).ShouldBeNull();
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).ShouldBeEmpty();
        (await h.ReadObjectAsync(h.ExtractedObject(name, "a.txt"))).ShouldBeNull();
        (await h.ReadObjectAsync(h.ExtractedObject(name, "b.txt"))).ShouldBeNull();
    }

    [Fact]
    public async Task Run_RemovesTheDownloadedFile_WhenTheProjectIsDeletedBeforeItIsRecorded()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var link = new Uri("https://files.example.com/share/scan.e57");
        h.Fetcher.Serve(link, TestBytes.Random(70_000), "scan.e57");
        var name = (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, link.ToString(), null, null, null), CoreHarness.Ct)).ShouldSucceed().Name;
        var projects = new HookedProjectStore(h.Store);
        projects.BeforeUpsertFile = async _ =>
        {
            projects.BeforeUpsertFile = null;
            (await Files(h).DeleteAsync(caller, name, CoreHarness.Ct)).ShouldSucceed();
        };

        (await h.ProcessorOver(projects).RunAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), CoreHarness.Ct)).ShouldBe(JobOutcome.Done);

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct)).ShouldBeNull();
        (await h.ReadObjectAsync(new ObjectRef(h.Settings.Uploads.Bucket, ObjectKeys.ProjectFile(name, "scan.e57")))).ShouldBeNull();
    }

    [Fact]
    public async Task Run_StopsWithoutRecordingAHash_WhenTheProjectIsDeletedWhileItsFilesAreHashed()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("a.jpg", TestBytes.Random(100)), ("b.jpg", TestBytes.Random(100, seed: 2)));
        var projects = new HookedProjectStore(h.Store);
        projects.BeforeUpsertFile = async _ =>
        {
            projects.BeforeUpsertFile = null;
            (await Files(h).DeleteAsync(caller, name, CoreHarness.Ct)).ShouldSucceed();
        };

        (await h.ProcessorOver(projects).RunAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), CoreHarness.Ct)).ShouldBe(JobOutcome.Done);

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct)).ShouldBeNull();
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).ShouldBeEmpty();
    }

    private static ProjectFileService Files(CoreHarness h) => new(h.Store, h.Blobs, NullLogger<ProjectFileService>.Instance);
}
