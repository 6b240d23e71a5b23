using Stowage.Core.Jobs;
using Stowage.Core.Projects;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Processing;

public sealed class ProjectProcessorArchiveTests
{
    [Fact]
    public async Task Run_UnpacksASingleZip_WithNestedPathsAndHashes()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var alpha = "alpha"u8.ToArray();
        var nested = TestBytes.Random(300_000);
        var windows = TestBytes.Random(100, seed: 3);
        var zip = Zips.Of(("dir/", null), ("a.txt", alpha), ("dir/sub/b.bin", nested), ("win\\path.txt", windows), ("empty.txt", []));
        var name = await h.CreateProjectAsync(caller, ("scans.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Ready);
        project.SizeBytes.ShouldBe(zip.Length + alpha.Length + nested.Length + windows.Length);
        var files = await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct);
        files.Select(f => (f.Path, f.Kind, f.Size, f.Sha256, f.FromArchive)).OrderBy(f => f.Path, StringComparer.Ordinal).ShouldBe(
        [
            ("a.txt", ProjectFileKind.Extracted, 5L, TestBytes.Sha256(alpha), "scans.zip"),
            ("dir/sub/b.bin", ProjectFileKind.Extracted, 300_000L, TestBytes.Sha256(nested), "scans.zip"),
            ("empty.txt", ProjectFileKind.Extracted, 0L, TestBytes.Sha256([]), "scans.zip"),
            ("scans.zip", ProjectFileKind.Uploaded, zip.Length, TestBytes.Sha256(zip), null),
            ("win/path.txt", ProjectFileKind.Extracted, 100L, TestBytes.Sha256(windows), "scans.zip"),
        ]);
        (await h.ReadObjectAsync(h.ExtractedObject(name, "dir/sub/b.bin"))).ShouldBeBytes(nested);
        (await h.ReadObjectAsync(h.ExtractedObject(name, "win/path.txt"))).ShouldBeBytes(windows);
        (await h.ReadObjectAsync(h.SessionObject(name, "scans.zip"))).ShouldBeBytes(zip);
    }

    [Fact]
    public async Task Run_DoesNotUnpack_AZipAmongOtherFiles()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("a.txt", "alpha"u8.ToArray()));
        var name = await h.CreateProjectAsync(caller, ("scans.zip", zip), ("photo.jpg", TestBytes.Random(10)));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Select(f => f.Path).ShouldBe(["photo.jpg", "scans.zip"]);
    }

    [Fact]
    public async Task Run_AfterAnInterruptedUnpack_UnpacksAgainWithoutDuplicates()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("a.txt", "alpha"u8.ToArray()), ("dir/b.txt", "beta"u8.ToArray()));
        var name = await h.CreateProjectAsync(caller, ("scans.zip", zip));
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        var before = await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct);
        await ProjectProcessorTests.SimulateInterruptedRunAsync(h, name);

        (await h.Processor.RunAsync(ProjectJob.Create(name, h.Time.GetUtcNow()), CoreHarness.Ct)).ShouldBe(JobOutcome.Done);

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Ready);
        project.SizeBytes.ShouldBe(zip.Length + 9);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).ShouldBe(before);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("dir/../../evil.txt")]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:/Windows/evil.txt")]
    [InlineData("..\\evil.txt")]
    public async Task Run_FailsTheProjectWithArchiveUnsafePath_ForATraversingEntry(string entry)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("ok.txt", "fine"u8.ToArray()), (entry, "evil"u8.ToArray()));
        var name = await h.CreateProjectAsync(caller, ("bad.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.State.ShouldBe(ProjectState.Failed);
        project.Status.ShouldBe(ProjectStatus.Failed);
        var error = project.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("archive_unsafe_path");
        error.File.ShouldBe("bad.zip");
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:\\evil.txt")]
    public async Task Run_FailsTheProjectWithArchiveUnsafePath_WhenTheFirstEntryTraverses(string entry)
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("bad.zip", Zips.Of((entry, "evil"u8.ToArray()))));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldBe([new ProjectError("archive_unsafe_path", $"The archive entry '{entry}' points outside the project.", "bad.zip")]);
    }

    [Fact]
    public async Task Run_CountsDirectoryEntries_AgainstTheEntryCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxArchiveEntries = 3);
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("a/", null), ("b/", null), ("c/", null), ("d/", null));
        var name = await h.CreateProjectAsync(caller, ("dirs.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("archive_too_many_entries");
    }

    [Fact]
    public async Task Run_SkipsLinksInAnArchive()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var zip = Zips.OfSymlink("passwd", "/etc/passwd");
        var name = await h.CreateProjectAsync(caller, ("links.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Select(f => f.Path).ShouldBe(["links.zip"]);
        (await h.ReadObjectAsync(h.ExtractedObject(name, "passwd"))).ShouldBeNull();
    }

    [Fact]
    public async Task Run_FailsTheProjectWithArchiveTooManyEntries_OverTheEntryCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxArchiveEntries = 3);
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("1.txt", [1]), ("2.txt", [2]), ("3.txt", [3]), ("4.txt", [4]));
        var name = await h.CreateProjectAsync(caller, ("many.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("archive_too_many_entries");
    }

    [Fact]
    public async Task Run_UnpacksExactlyTheEntryCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxArchiveEntries = 3);
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("1.txt", [1]), ("2.txt", [2]), ("3.txt", [3]));
        var name = await h.CreateProjectAsync(caller, ("many.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Run_FailsTheProjectWithArchiveTooLarge_OverTheExpansionRatio()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxExpansionRatio = 10);
        var caller = await h.CallerAsync();
        var bomb = Zips.OfZeros("zeros.bin", 50L << 20);
        bomb.Length.ShouldBeLessThan(1 << 20);
        var name = await h.CreateProjectAsync(caller, ("bomb.zip", bomb));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("archive_too_large");
    }

    [Fact]
    public async Task Run_FailsTheProjectWithArchiveTooLarge_OverTheExpandedBytesCap()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxExpandedBytes = 1000);
        var caller = await h.CallerAsync();
        var zip = Zips.Of(("a.bin", TestBytes.Random(600, seed: 1)), ("b.bin", TestBytes.Random(600, seed: 2)));
        var name = await h.CreateProjectAsync(caller, ("big.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("archive_too_large");
    }

    [Fact]
    public async Task Run_UnpacksAHighlyCompressedZip_WhenTheRatioCheckIsOff()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Processing.MaxExpansionRatio = 0);
        var caller = await h.CallerAsync();
        var zip = Zips.OfZeros("zeros.bin", 4L << 20);
        var name = await h.CreateProjectAsync(caller, ("zeros.zip", zip));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.Store.ListProjectFilesAsync(name, CoreHarness.Ct)).Single(f => f.Path == "zeros.bin").Size.ShouldBe(4L << 20);
    }

    [Fact]
    public async Task Run_FailsTheProjectWithArchiveCorrupt_ForAZipThatIsNot()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        var name = await h.CreateProjectAsync(caller, ("fake.zip", TestBytes.Random(5000)));

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var project = (await h.Store.GetProjectAsync(name, CoreHarness.Ct))!;
        project.Status.ShouldBe(ProjectStatus.Failed);
        project.Errors.ShouldHaveSingleItem().Code.ShouldBe("archive_corrupt");
    }
}
