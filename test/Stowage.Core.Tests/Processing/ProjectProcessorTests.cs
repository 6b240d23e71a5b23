using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Processing;

public sealed class ProjectProcessorTests
{
    [Fact]
    public async Task Run_KeepsTheSessionsFilesWhereTheyAre_HashesThem_AndMarksItReady()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var scan = TestBytes.Random(2_500_000, seed: 1);
        var photo = TestBytes.Random(1000, seed: 2);
        var name = await h.CreateProjectAsync(caller, ("scan.e57", scan), ("photo.jpg", photo));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.State.ShouldBe(ProjectState.Ready);
        project.Status.ShouldBe(ProjectStatus.Ready);
        project.SizeBytes.ShouldBe(scan.Length + photo.Length);
        project.Errors.ShouldBeEmpty();
        var files = await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct);
        files.Select(f => (f.Path, f.Kind, f.Size, f.Sha256, f.Object, f.FromArchive)).ShouldBe(
        [
            ("photo.jpg", ProjectFileKind.Uploaded, 1000L, TestBytes.Sha256(photo), h.SessionObject(name, "photo.jpg"), null),
            ("scan.e57", ProjectFileKind.Uploaded, 2_500_000L, TestBytes.Sha256(scan), h.SessionObject(name, "scan.e57"), null),
        ]);
        // Records only: the project's files are the session's blobs, neither moved nor copied.
        (await h.ReadObjectAsync(h.SessionObject(name, "scan.e57"))).ShouldBeBytes(scan);
        (await h.ReadObjectAsync(h.SessionObject(name, "photo.jpg"))).ShouldBeBytes(photo);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_HandlesAnEmptyFile()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("empty.txt", []));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Single().Sha256.ShouldBe(TestBytes.Sha256([]));
    }

    [Fact]
    public async Task Run_Completes_WhenACrashLostTheHashes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(5000);
        var name = await h.CreateProjectAsync(caller, ("scan.e57", content));
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        await SimulateInterruptedRunAsync(h, name);

        var outcome = await h.Processor.RunAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), CoreHarness.Ct);

        outcome.ShouldBe(JobOutcome.Done);
        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Single().Sha256.ShouldBe(TestBytes.Sha256(content));
        (await h.ReadObjectAsync(h.SessionObject(name, "scan.e57"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Run_Twice_ChangesNothingTheSecondTime()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(5000);
        var name = await h.CreateProjectAsync(caller, ("scan.e57", content));
        var job = ProjectJob.Create(name, h.Time.GetUtcNow());
        (await h.Processor.RunAsync(job, CoreHarness.Ct)).ShouldBe(JobOutcome.Done);
        var project = await h.Store.GetProjectAsync(name, CoreHarness.Ct);
        var files = await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct);
        h.Time.AdvanceSeconds(10);

        (await h.Processor.RunAsync(job, CoreHarness.Ct)).ShouldBe(JobOutcome.Done);

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Updated.ShouldBe(project!.Updated);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).ShouldBe(files);
    }

    [Fact]
    public async Task Run_FailsTheProjectWithFileMissing_WhenAnObjectIsGone()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("a.jpg", TestBytes.Random(10)), ("b.jpg", TestBytes.Random(10)));
        (await h.Blobs.DeleteAsync(h.SessionObject(name, "b.jpg"), CoreHarness.Ct)).ShouldBeTrue();

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.State.ShouldBe(ProjectState.Failed);
        project.Status.ShouldBe(ProjectStatus.Failed);
        var error = project.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("file_missing");
        error.File.ShouldBe("b.jpg");
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_FailsTheProjectWithSizeMismatch_WhenTheStoredFileGrew()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(10);
        var name = await h.CreateProjectAsync(caller, ("a.jpg", content));
        await h.Blobs.PutAsync(h.SessionObject(name, "a.jpg"), new MemoryStream([.. content, .. "12345"u8]), durable: false, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("size_mismatch");
    }

    [Fact]
    public async Task Run_FailsTheProjectWithSizeMismatch_WhenTheStoredFileShrank()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(100);
        var name = await h.CreateProjectAsync(caller, ("a.jpg", content));
        await h.Blobs.PutAsync(h.SessionObject(name, "a.jpg"), new MemoryStream(content[..60]), durable: false, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldBe([new ProjectError("size_mismatch", "The stored file has 60 bytes; 100 were uploaded.", "a.jpg")]);
    }

    [Fact]
    public async Task OnGaveUp_RecordsAnUnstructuredErrorAsProcessingFailed()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("a.jpg", TestBytes.Random(10)));

        await h.Processor.OnGaveUpAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), "IOException: disk gone", CoreHarness.Ct);

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldBe([new ProjectError("processing_failed", "IOException: disk gone", null)]);
    }

    [Fact]
    public async Task OnGaveUp_LeavesAReadyProjectReady()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("a.jpg", TestBytes.Random(10)));
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        await h.Processor.OnGaveUpAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), "late failure", CoreHarness.Ct);

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
    }

    [Fact]
    public async Task Run_FetchesADownloadLink_IntoTheProject()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(70_000);
        var link = new Uri("https://files.example.com/share/scan.e57");
        h.Fetcher.Serve(link, content, "survey/scan.e57");
        var name = (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, link.ToString(), null, null, null), CoreHarness.Ct)).ShouldSucceed().Name;

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Ready);
        project.SizeBytes.ShouldBe(content.Length);
        var file = (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Single();
        file.Path.ShouldBe("surveyscan.e57");
        file.Sha256.ShouldBe(TestBytes.Sha256(content));
        (await h.ReadObjectAsync(file.Object)).ShouldBeBytes(content);
    }

    [Fact]
    public async Task Run_FailsTheProject_WhenTheDownloadLinkIsRefused()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, "https://files.example.com/gone.zip", null, null, null), CoreHarness.Ct)).ShouldSucceed().Name;

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("fetch_not_found");
    }

    [Fact]
    public async Task Run_FailsTheProject_WhenTheLinkedFilesExtensionIsNotAllowed()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var link = new Uri("https://files.example.com/tool.exe");
        h.Fetcher.Serve(link, [1, 2, 3], "tool.exe");
        var name = (await h.Projects.CreateAsync(caller, new CreateProjectRequest(null, link.ToString(), null, null, null), CoreHarness.Ct)).ShouldSucceed().Name;

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("extension_not_allowed");
    }

    /// <summary>Puts a ready project back mid-run, as a crash after the move and before hashing would leave it.</summary>
    internal static async Task SimulateInterruptedRunAsync(CoreHarness h, string name)
    {
        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        await h.Store.UpdateProjectAsync(project with { State = ProjectState.Processing, Status = 40 }, CoreHarness.Ct);
        foreach (var file in await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct))
        {
            if (file.Kind == ProjectFileKind.Uploaded)
            {
                await h.Store.UpsertProjectFileAsync(file with { Sha256 = null }, CoreHarness.Ct);
            }
        }
    }
}
