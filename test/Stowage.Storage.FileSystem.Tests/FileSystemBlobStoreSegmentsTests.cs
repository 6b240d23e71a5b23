using System.Security.Cryptography;
using System.Text;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

/// <summary>
/// What the conformance suite cannot see of segments on the file system: one file under <c>.segments</c>,
/// appended in place, cut back when a segment is opened lower, renamed (not copied) into place when composed.
/// </summary>
public sealed class FileSystemBlobStoreSegmentsTests : IDisposable
{
    private static readonly ObjectRef Obj = new("bucket", "sessions/1/scan.e57");
    private readonly TemporaryRoot root = new();
    private readonly FileSystemBlobStore store;

    public FileSystemBlobStoreSegmentsTests() => store = root.CreateStore();

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => root.Dispose();

    private string ObjectPath => PathUnder(root.Root);

    private string SegmentsPath => PathUnder(Path.Join(root.Root, ".segments"));

    private static string PathUnder(string directory)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Obj.Key)));
        return Path.Join(directory, Obj.Bucket, hash[..2], hash);
    }

    [Fact]
    public async Task Segments_AreOneFile_AppendedInOrder_AndNothingAtTheObjectPath()
    {
        await store.SegmentAsync(Obj, 0, [1, 2, 3], 10);
        await store.SegmentAsync(Obj, 3, [4, 5], 10);
        await store.SegmentAsync(Obj, 5, [6], 10);

        store.GetLocalSegmentsPath(Obj).ShouldBe(SegmentsPath);
        File.ReadAllBytes(SegmentsPath).ShouldBe([1, 2, 3, 4, 5, 6]);
        Path.Exists(ObjectPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Compose_RenamesTheSegmentsFile_ToTheObjectPath_WithoutCopyingIt()
    {
        await store.SegmentAsync(Obj, 0, [1, 2, 3], 5);
        await store.SegmentAsync(Obj, 3, [4, 5], 5);
        var inode = FileIdentity.InodeOf(SegmentsPath);

        await store.ComposeSegmentsAsync(Obj, 5, true, Ct);

        FileIdentity.InodeOf(ObjectPath).ShouldBe(inode);
        File.ReadAllBytes(ObjectPath).ShouldBe([1, 2, 3, 4, 5]);
        store.GetLocalSegmentsPath(Obj).ShouldBeNull();
        Directory.EnumerateFileSystemEntries(Path.Join(root.Root, ".tmp")).ShouldBeEmpty();
    }

    [Fact]
    public async Task OpenSegment_BelowTheHeldLength_CutsTheFileBackAtOnce()
    {
        await store.SegmentAsync(Obj, 0, [1, 2, 3, 4, 5], 10);

        await using (await store.OpenSegmentAsync(Obj, 2, 10, Ct))
        {
            new FileInfo(SegmentsPath).Length.ShouldBe(2);
        }

        File.ReadAllBytes(SegmentsPath).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task OpenSegment_Throws_AndChangesNothing_WhenTheSegmentsHoldFewerBytesThanTheOffset()
    {
        // Counted bytes that are not on disk: writing after a hole would corrupt the file silently.
        await store.SegmentAsync(Obj, 0, [1, 2, 3], 10);

        await Should.ThrowAsync<IOException>(async () => await store.OpenSegmentAsync(Obj, 5, 10, Ct));

        File.ReadAllBytes(SegmentsPath).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task OpenSegment_BeyondZero_ThrowsFileNotFound_WhenNothingIsStored()
    {
        await Should.ThrowAsync<FileNotFoundException>(async () => await store.OpenSegmentAsync(Obj, 5, 10, Ct));

        Path.Exists(SegmentsPath).ShouldBeFalse();
        Path.Exists(ObjectPath).ShouldBeFalse();
    }

    [Fact]
    public async Task OpenSegment_AfterAnUnrecordedCompose_TakesTheObjectBack_WithoutCopyingIt()
    {
        await store.SegmentAsync(Obj, 0, [1, 2, 3], 5);
        await store.SegmentAsync(Obj, 3, [4, 5], 5);
        await store.ComposeSegmentsAsync(Obj, 5, true, Ct);
        var inode = FileIdentity.InodeOf(ObjectPath);

        await using (await store.OpenSegmentAsync(Obj, 3, 5, Ct))
        {
            Path.Exists(ObjectPath).ShouldBeFalse();
            FileIdentity.InodeOf(SegmentsPath).ShouldBe(inode);
            File.ReadAllBytes(SegmentsPath).ShouldBe([1, 2, 3]);
        }
    }

    [Fact]
    public async Task OpenSegment_ContinuesAFileAnEarlierVersionAppendedInPlace()
    {
        // Before segments, a session file grew at its object path; after an upgrade its upload resumes from there.
        Directory.CreateDirectory(Path.GetDirectoryName(ObjectPath)!);
        await File.WriteAllBytesAsync(ObjectPath, [1, 2, 3, 7, 7], Ct); // 3 bytes counted, 2 written but never counted

        await store.SegmentAsync(Obj, 3, [4, 5], 5);
        await store.ComposeSegmentsAsync(Obj, 5, true, Ct);

        File.ReadAllBytes(ObjectPath).ShouldBe([1, 2, 3, 4, 5]);
        store.GetLocalSegmentsPath(Obj).ShouldBeNull();
    }

    [Fact]
    public async Task Segments_SurviveAStoreRestart_AndAreContinuedAfterIt()
    {
        await store.SegmentAsync(Obj, 0, [1, 2, 3], 5);
        await store.SegmentAsync(Obj, 3, [9, 9], 5); // committed, never counted: the restart resumes at 3

        var restarted = root.CreateStore();
        await restarted.SegmentAsync(Obj, 3, [4, 5], 5);
        await restarted.ComposeSegmentsAsync(Obj, 5, true, Ct);

        File.ReadAllBytes(ObjectPath).ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task Abort_RemovesTheSegmentsFile_EvenWhileAWriterHasItOpen()
    {
        await store.SegmentAsync(Obj, 0, [1, 2, 3], 10);
        await using var writer = await store.OpenSegmentAsync(Obj, 3, 10, Ct);

        await store.AbortSegmentsAsync(Obj, Ct);
        await writer.WriteAsync(new byte[] { 4 }, Ct);
        await writer.CommitAsync(true, Ct);

        Path.Exists(SegmentsPath).ShouldBeFalse();
        await Should.ThrowAsync<FileNotFoundException>(() => store.ComposeSegmentsAsync(Obj, 4, true, Ct));
    }
}
