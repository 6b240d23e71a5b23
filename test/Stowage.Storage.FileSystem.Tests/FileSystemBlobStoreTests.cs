using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private static readonly ObjectRef Obj = new("bucket", "sessions/1/scan.e57");
    private readonly TemporaryRoot root = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task GetLocalPath_ReturnsTheObjectsFile()
    {
        var store = root.CreateStore();
        await store.WriteAsync(Obj, [1, 2, 3]);

        var path = store.GetLocalPath(Obj).ShouldNotBeNull();

        path.ShouldStartWith(root.Root + Path.DirectorySeparatorChar);
        File.ReadAllBytes(path).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void GetLocalPath_ReturnsNull_WhenTheObjectDoesNotExist()
    {
        root.CreateStore().GetLocalPath(Obj).ShouldBeNull();
    }

    [Fact]
    public async Task NewObject_SurvivesReopeningTheStore()
    {
        await root.CreateStore().WriteAsync(Obj, [1, 2, 3]);
        await root.CreateStore().PutAsync(Obj with { Key = "put" }, new MemoryStream([4, 5]), true, Ct);

        var reopened = root.CreateStore();

        (await reopened.GetLengthAsync(Obj, Ct)).ShouldBe(3);
        (await reopened.GetLengthAsync(Obj with { Key = "put" }, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task OpenReader_KeepsReading_AfterTheObjectIsReplacedAndDeleted()
    {
        var store = root.CreateStore();
        await store.WriteAsync(Obj, [1, 2, 3]);
        await using var reader = (await store.OpenReadAsync(Obj, 0, Ct)).ShouldNotBeNull();

        await store.WriteAsync(Obj, [4, 5, 6]);
        await store.DeleteAsync(Obj, Ct);

        var buffer = new byte[3];
        await reader.ReadExactlyAsync(buffer, Ct);
        buffer.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Put_LeavesNoTemporaryFile_WhenItSucceedsOrFails()
    {
        var store = root.CreateStore();
        await store.PutAsync(Obj, new MemoryStream([1]), true, Ct);
        await Should.ThrowAsync<IOException>(() => store.PutAsync(Obj, new FailingStream(), true, Ct));

        Directory.EnumerateFileSystemEntries(Path.Join(root.Root, ".tmp")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Constructor_DeletesStaleTemporaryFiles_AndKeepsRecentOnes()
    {
        root.CreateStore();
        var now = DateTimeOffset.UtcNow;
        var stale = Path.Join(root.Root, ".tmp", "stale");
        var recent = Path.Join(root.Root, ".tmp", "recent");
        await File.WriteAllBytesAsync(stale, [1], Ct);
        await File.WriteAllBytesAsync(recent, [1], Ct);
        File.SetLastWriteTimeUtc(stale, (now - FileSystemBlobStoreOptions.DefaultStaleTemporaryFileAge - TimeSpan.FromMinutes(1)).UtcDateTime);
        File.SetLastWriteTimeUtc(recent, (now - TimeSpan.FromMinutes(5)).UtcDateTime);

        root.CreateStore(new FakeTimeProvider(now));

        File.Exists(stale).ShouldBeFalse();
        File.Exists(recent).ShouldBeTrue();
    }

    [Fact]
    public async Task OpenSegment_Throws_WhenTheOffsetIsNegativeOrBeyondTheObjectLength()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await root.CreateStore().OpenSegmentAsync(Obj, -1, 10, Ct));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await root.CreateStore().OpenSegmentAsync(Obj, 11, 10, Ct));
    }

    [Fact]
    public void Constructor_Throws_WhenRootPathIsEmpty()
    {
        Should.Throw<ArgumentException>(() => new FileSystemBlobStore(new FileSystemBlobStoreOptions()));
    }

    public void Dispose() => root.Dispose();

}
