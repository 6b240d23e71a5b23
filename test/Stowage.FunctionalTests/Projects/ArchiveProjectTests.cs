using System.IO.Compression;
using System.Net;
using System.Text;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Projects;

/// <summary>
/// docs/protocols/sessions.md, "Projects": a single uploaded .zip or .7z is unpacked into the project
/// (entries listed with from_archive); unsafe paths, too many entries and bombs fail it (status -1).
/// </summary>
public sealed class ArchiveProjectTests(ArchiveServerFixture fixture) : IClassFixture<ArchiveServerFixture>
{
    private static readonly Dictionary<string, byte[]> Tree = new(StringComparer.Ordinal)
    {
        ["floor1/a.jpg"] = TestData.Bytes(50_000, 110),
        ["floor1/sub/b.e57"] = TestData.Bytes(120_000, 111),
        ["floor2/c.ply"] = TestData.Bytes(7_000, 112),
        ["notes.txt"] = Encoding.UTF8.GetBytes("scanned on a sunny day\n"),
    };

    private SessionsClient Client => fixture.Client;

    [Fact]
    public async Task ZipProject_UnpacksNestedFolders_WithHashesOfEveryEntry()
    {
        var zip = ArchiveBuilder.Zip(Tree, directories: ["floor1", "floor1/sub", "floor2"]);

        var ready = await UploadArchiveProjectAsync("scans.zip", zip);

        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["scans.zip"] = zip });
        ready.ShouldHaveFiles(Tree, fromArchive: "scans.zip");
        ready.Long("size").ShouldBe(zip.Length + Tree.Values.Sum(v => (long)v.Length));
        var name = ready.String("name");
        (await Client.ProjectFileBytesAsync(name, "floor1/sub/b.e57")).ShouldBeBytes(Tree["floor1/sub/b.e57"]);
    }

    [Fact]
    public async Task SevenZipProject_MadeWithBsdtar_IsUnpacked()
    {
        var archive = await ArchiveBuilder.SevenZipAsync(Tree);

        var ready = await UploadArchiveProjectAsync("model.7z", archive);

        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["model.7z"] = archive });
        ready.ShouldHaveFiles(Tree, fromArchive: "model.7z");
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("a/../../evil.txt")]
    [InlineData("/etc/evil.txt")]
    [InlineData("C:/evil.txt")]
    [InlineData("..\\evil.txt")]
    public async Task ZipProject_FailsWithArchiveUnsafePath_WhenAnEntryEscapes(string entry)
    {
        // The unsafe entry comes first, so its refusal does not depend on unpacking the others.
        var zip = ArchiveBuilder.Zip(new Dictionary<string, byte[]> { [entry] = [3, 4], ["ok.txt"] = [1, 2] });

        var failed = await UploadArchiveProjectAsync("evil.zip", zip);

        AssertFailed(failed, "archive_unsafe_path", "evil.zip");
        Directory.EnumerateFiles(Path.GetDirectoryName(fixture.DataDirectory)!, "evil.txt", SearchOption.TopDirectoryOnly).ShouldBeEmpty();
        Directory.EnumerateFiles(fixture.DataDirectory, "evil.txt", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task ZipProject_FailsWithArchiveTooManyEntries_WhenOverMaxArchiveEntries()
    {
        var entries = Enumerable.Range(0, ArchiveServerFixture.MaxArchiveEntries + 5)
            .ToDictionary(i => $"many/{i}.txt", i => new[] { (byte)i }, StringComparer.Ordinal);
        var zip = ArchiveBuilder.Zip(entries);

        var failed = await UploadArchiveProjectAsync("many.zip", zip);

        AssertFailed(failed, "archive_too_many_entries", "many.zip");
    }

    [Fact]
    public async Task ZipProject_FailsWithArchiveTooLarge_WhenItExpandsBeyondTheRatio()
    {
        var zip = ArchiveBuilder.Zip(new Dictionary<string, byte[]> { ["zeros.txt"] = new byte[4 << 20] }, level: CompressionLevel.SmallestSize);
        zip.Length.ShouldBeLessThan((4 << 20) / 50, "the test bomb must compress better than the ratio cap");

        var failed = await UploadArchiveProjectAsync("bomb.zip", zip);

        AssertFailed(failed, "archive_too_large", "bomb.zip");
    }

    [Fact]
    public async Task ZipProject_ThatFailsPartWayThroughUnpacking_LeavesNoneOfItsEntriesBehind()
    {
        // The good entries come first and are unpacked; the last one then breaks the expansion-ratio cap.
        var entries = new Dictionary<string, byte[]>(Tree, StringComparer.Ordinal) { ["zz-zeros.bin"] = new byte[16 << 20] };
        var zip = ArchiveBuilder.Zip(entries, level: CompressionLevel.SmallestSize);

        var failed = await UploadArchiveProjectAsync("late-bomb.zip", zip);

        AssertFailed(failed, "archive_too_large", "late-bomb.zip");
        var name = failed.String("name");
        foreach (var path in entries.Keys)
        {
            File.Exists(BlobFiles.PathOf(fixture.DataDirectory, $"projects/{name}/extracted/{path}")).ShouldBeFalse(path);
        }
    }

    [Fact]
    public async Task ArchiveAmongOtherFiles_IsStoredButNotUnpacked()
    {
        var zip = ArchiveBuilder.Zip(Tree);
        var photo = TestData.Bytes(3000, 113);
        var id = await Client.NewUploadAsync();
        await Client.UploadAsync(id, "scans.zip", zip);
        await Client.UploadAsync(id, "photo.jpg", photo);

        var ready = await Client.WaitForProjectAsync(await Client.NewProjectAsync(id));

        ready.ShouldHaveFiles(new Dictionary<string, byte[]> { ["scans.zip"] = zip, ["photo.jpg"] = photo });
    }

    private async Task<ApiResponse> UploadArchiveProjectAsync(string name, byte[] archive)
    {
        var id = await Client.NewUploadAsync();
        for (var start = 0; start < archive.Length; start += 64 * 1024)
        {
            await Client.PutChunkAsync(id, name, archive, start, Math.Min(64 * 1024, archive.Length - start));
        }

        return await Client.WaitForProjectAsync(await Client.NewProjectAsync(id));
    }

    private static void AssertFailed(ApiResponse project, string code, string file)
    {
        project.ShouldHaveStatus(HttpStatusCode.OK);
        project.Int("status").ShouldBe(-1, project.ToString());
        var error = project.Property("errors")[0];
        error.GetProperty("code").GetString().ShouldBe(code, project.ToString());
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        error.GetProperty("file").GetString().ShouldBe(file, project.ToString());
    }
}
