using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

/// <summary>What the composer conformance suite cannot see: the files, their inodes, .tmp, flattening.</summary>
public sealed class FileSystemBlobComposerTests : IDisposable
{
    private const string UploadId = "u-1";
    private static readonly ObjectRef Obj = new("bucket", "captures/scan.e57");
    private readonly TemporaryRoot root = new();
    private readonly FileSystemBlobStore store;

    public FileSystemBlobComposerTests() => store = root.CreateStore();

    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => root.Dispose();

    private string TemporaryDirectory => Path.Join(root.Root, ".tmp");

    private string MultipartDirectory => Path.Join(root.Root, ".multipart");

    private string ObjectPath(ObjectRef obj)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(obj.Key)));
        return Path.Join(root.Root, obj.Bucket, hash[..2], hash);
    }

    private async Task<byte[][]> PutPartsAsync(ObjectRef target, params int[] sizes)
    {
        var parts = new byte[sizes.Length][];
        for (var i = 0; i < sizes.Length; i++)
        {
            parts[i] = new byte[sizes[i]];
            new Random(i).NextBytes(parts[i]);
            await store.PutPartAsync(target, UploadId, i + 1, new MemoryStream(parts[i]), true, Ct);
        }

        return parts;
    }

    private async Task<byte[]> ReadAllAsync(ObjectRef obj, long offset = 0)
    {
        await using var stream = (await store.OpenReadAsync(obj, offset, Ct)).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    [Fact]
    public async Task Compose_CopiesNoBytes_TheComposedFilesAreThePartFilesThemselves()
    {
        await PutPartsAsync(Obj, 4096, 4096, 100);
        var uploadDirectory = Directory.GetDirectories(MultipartDirectory).ShouldHaveSingleItem();
        var inodes = Enumerable.Range(1, 3).Select(n => FileIdentity.InodeOf(Path.Join(uploadDirectory, $"{n}"))).ToArray();

        await store.ComposeAsync(Obj, UploadId, [1, 2, 3], true, Ct);

        var composite = ObjectPath(Obj);
        Directory.Exists(composite).ShouldBeTrue();
        Enumerable.Range(1, 3).Select(n => FileIdentity.InodeOf(Path.Join(composite, $"{n}"))).ShouldBe(inodes);
    }

    [Fact]
    public async Task Compose_LeavesTmpAndTheUploadsPartDirectoryEmpty()
    {
        await store.PutAsync(Obj, new MemoryStream([1, 2, 3]), true, Ct);
        await PutPartsAsync(Obj, 10, 20, 30);

        await store.ComposeAsync(Obj, UploadId, [1, 3], true, Ct);

        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(MultipartDirectory).ShouldBeEmpty();
        Directory.GetFiles(ObjectPath(Obj)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["1", "3", "manifest"]);
    }

    [Fact]
    public async Task Compose_WritesAManifestNamingThePartsAndLengths()
    {
        await PutPartsAsync(Obj, 10, 20);

        await store.ComposeAsync(Obj, UploadId, [2, 1], false, Ct);

        var lines = (await File.ReadAllTextAsync(Path.Join(ObjectPath(Obj), "manifest"), Ct)).Split('\n');
        lines[0].ShouldBe("stowage-composite 1");
        lines[1].ShouldStartWith("id ");
        lines[2].ShouldMatch("^upload [0-9a-f]{64}$");
        lines[3..].ShouldBe(["length 30", "part 2 20", "part 1 10", ""]);
    }

    [Fact]
    public async Task Compose_Repeated_WithTheSameUploadAndParts_IsANoOp_SoACompletionCanBeRetried()
    {
        var parts = await PutPartsAsync(Obj, 10, 20);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);
        var id = (await File.ReadAllLinesAsync(Path.Join(ObjectPath(Obj), "manifest"), Ct))[1];

        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);

        (await File.ReadAllLinesAsync(Path.Join(ObjectPath(Obj), "manifest"), Ct))[1].ShouldBe(id);
        (await ReadAllAsync(Obj)).ShouldBe(parts[0].Concat(parts[1]).ToArray());
        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
    }

    [Fact]
    public async Task Compose_Repeated_WithOtherPartsOrAnotherUpload_StillThrows()
    {
        await PutPartsAsync(Obj, 10, 20);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);

        await Should.ThrowAsync<FileNotFoundException>(() => store.ComposeAsync(Obj, UploadId, [1], true, Ct));
        await Should.ThrowAsync<FileNotFoundException>(() => store.ComposeAsync(Obj, UploadId, [2, 1], true, Ct));
        await Should.ThrowAsync<FileNotFoundException>(() => store.ComposeAsync(Obj, "another", [1, 2], true, Ct));
        await Should.ThrowAsync<FileNotFoundException>(() => store.ComposeAsync(Obj with { Key = "elsewhere" }, UploadId, [1, 2], true, Ct));
    }

    [Fact]
    public async Task Compose_Repeated_AfterTheObjectWasReplaced_Throws()
    {
        await PutPartsAsync(Obj, 10);
        await store.ComposeAsync(Obj, UploadId, [1], true, Ct);
        await store.PutAsync(Obj, new MemoryStream([1]), true, Ct);

        await Should.ThrowAsync<FileNotFoundException>(() => store.ComposeAsync(Obj, UploadId, [1], true, Ct));
    }

    [Fact]
    public async Task Compose_OverAComposite_AndPutOverIt_LeaveTmpEmpty()
    {
        await PutPartsAsync(Obj, 10, 20);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);
        await PutPartsAsync(Obj, 5);
        await store.ComposeAsync(Obj, UploadId, [1], true, Ct);
        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();

        await store.PutAsync(Obj, new MemoryStream([9]), true, Ct);

        File.Exists(ObjectPath(Obj)).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
    }

    [Fact]
    public async Task SegmentsComposedOverAComposite_AndDelete_LeaveTmpEmpty()
    {
        var other = Obj with { Key = "other" };
        await PutPartsAsync(Obj, 10);
        await store.ComposeAsync(Obj, UploadId, [1], true, Ct);
        await store.PutPartAsync(other, UploadId, 1, new MemoryStream([1, 2]), true, Ct);
        await store.ComposeAsync(other, UploadId, [1], true, Ct);

        await store.WriteAsync(Obj, [3, 4, 5]);
        await store.DeleteAsync(other, Ct);

        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
        File.Exists(ObjectPath(Obj)).ShouldBeTrue();
        Path.Exists(ObjectPath(other)).ShouldBeFalse();
    }

    [Fact]
    public async Task PutPart_LeavesNoTemporaryFile_WhenTheContentFails()
    {
        await Should.ThrowAsync<IOException>(() => store.PutPartAsync(Obj, UploadId, 1, new FailingStream(), true, Ct));

        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../escape")]
    [InlineData("a/b\\c\0d")]
    [InlineData("..")]
    public async Task PutPart_KeepsAnyUploadIdInsideTheMultipartDirectory(string uploadId)
    {
        await store.PutPartAsync(Obj, uploadId, 1, new MemoryStream([1, 2]), true, Ct);

        var directory = Directory.GetDirectories(MultipartDirectory).ShouldHaveSingleItem();
        Path.GetFileName(directory).Length.ShouldBe(64);
        Directory.GetFileSystemEntries(root.Outer, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(root.Root, StringComparison.Ordinal)).ShouldBe([Path.Join(root.Outer, "data")]);
    }

    [Fact]
    public async Task PutPart_RefusesAnUploadIdThatIsNotValidUnicode()
    {
        await Should.ThrowAsync<ArgumentException>(() => store.PutPartAsync(Obj, "\ud800", 1, new MemoryStream([1]), true, Ct));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 0 })]
    public async Task Compose_RefusesAnEmptyOrRepeatingOrZeroPartList(int[] partNumbers)
    {
        await PutPartsAsync(Obj, 10);

        await Should.ThrowAsync<ArgumentException>(() => store.ComposeAsync(Obj, UploadId, partNumbers, true, Ct));
    }

    [Fact]
    public async Task GetLocalPath_FlattensAComposite_IntoAPlainFileWithTheSameBytes()
    {
        var parts = await PutPartsAsync(Obj, 1000, 1, 3000);
        await store.ComposeAsync(Obj, UploadId, [1, 2, 3], true, Ct);

        var path = store.GetLocalPath(Obj).ShouldNotBeNull();

        path.ShouldBe(ObjectPath(Obj));
        File.Exists(path).ShouldBeTrue();
        (await File.ReadAllBytesAsync(path, Ct)).ShouldBe(parts.SelectMany(p => p).ToArray());
        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
        store.GetLocalPath(Obj).ShouldBe(path);
    }

    [Fact]
    public async Task OpenSegment_BeyondZero_OverAComposite_FlattensItAndContinuesFromItsPrefix()
    {
        // Only a compose the caller never recorded leaves an object where segments should be, and segments never
        // compose into a composite; still, whatever object is there is taken back whole, never read half.
        var parts = await PutPartsAsync(Obj, 10, 10);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);
        byte[] tail = [0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x11];

        await store.SegmentAsync(Obj, 15, tail, 22);
        await store.ComposeSegmentsAsync(Obj, 22, true, Ct);

        (await ReadAllAsync(Obj)).ShouldBe([.. parts[0], .. parts[1][..5], .. tail]);
        File.Exists(ObjectPath(Obj)).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(TemporaryDirectory).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reader_OfACompositeReplacedBeforeItReadAPart_FailsWithAnIOException_NeverWithTheNewBytes()
    {
        await PutPartsAsync(Obj, 100, 100);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);
        await using var reader = (await store.OpenReadAsync(Obj, 0, Ct)).ShouldNotBeNull();
        reader.Length.ShouldBe(200);

        await store.PutAsync(Obj, new MemoryStream(new byte[200]), true, Ct);

        await Should.ThrowAsync<IOException>(async () => await reader.ReadExactlyAsync(new byte[10], Ct));
    }

    [Fact]
    public async Task Reader_OfAComposite_KeepsReadingThePartItHasOpen_AfterTheCompositeIsDeleted()
    {
        var parts = await PutPartsAsync(Obj, 100, 100);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);
        await using var reader = (await store.OpenReadAsync(Obj, 0, Ct)).ShouldNotBeNull();
        var first = new byte[10];
        await reader.ReadExactlyAsync(first, Ct);

        await store.DeleteAsync(Obj, Ct);

        var rest = new byte[90];
        await reader.ReadExactlyAsync(rest, Ct);
        first.Concat(rest).ShouldBe(parts[0]);
        await Should.ThrowAsync<IOException>(async () => await reader.ReadExactlyAsync(new byte[10], Ct));
    }

    [Fact]
    public async Task Reader_OfAComposite_SeeksAcrossParts()
    {
        var parts = await PutPartsAsync(Obj, 10, 20, 30);
        await store.ComposeAsync(Obj, UploadId, [1, 2, 3], true, Ct);
        var whole = parts.SelectMany(p => p).ToArray();
        await using var reader = (await store.OpenReadAsync(Obj, 0, Ct)).ShouldNotBeNull();
        reader.CanSeek.ShouldBeTrue();
        var buffer = new byte[5];

        reader.Seek(28, SeekOrigin.Begin);
        await reader.ReadExactlyAsync(buffer, Ct);
        buffer.ShouldBe(whole[28..33]);

        reader.Position = 3;
        await reader.ReadExactlyAsync(buffer, Ct);
        buffer.ShouldBe(whole[3..8]);

        reader.Seek(-2, SeekOrigin.End);
        (await reader.ReadAsync(buffer, Ct)).ShouldBe(2);
        buffer[..2].ShouldBe(whole[^2..]);
    }

    [Fact]
    public async Task Read_OfACompositeWhosePartWasTruncated_FailsInsteadOfReturningShortData()
    {
        await PutPartsAsync(Obj, 100, 100);
        await store.ComposeAsync(Obj, UploadId, [1, 2], true, Ct);
        File.WriteAllBytes(Path.Join(ObjectPath(Obj), "2"), new byte[50]);

        await Should.ThrowAsync<IOException>(() => ReadAllAsync(Obj));
    }

    [Fact]
    public async Task Read_OfACompositeWithACorruptManifest_FailsWithAnIOException()
    {
        await PutPartsAsync(Obj, 100);
        await store.ComposeAsync(Obj, UploadId, [1], true, Ct);
        await File.WriteAllTextAsync(Path.Join(ObjectPath(Obj), "manifest"), "stowage-composite 1\nid x\nupload y\nlength 100\npart ../1 100\n", Ct);

        await Should.ThrowAsync<IOException>(() => store.OpenReadAsync(Obj, 0, Ct));
    }

    [Fact]
    public async Task Constructor_DeletesStaleTemporaryDirectories_AndKeepsRecentOnes()
    {
        var now = DateTimeOffset.UtcNow;
        var stale = Path.Join(TemporaryDirectory, "stale-composite");
        var recent = Path.Join(TemporaryDirectory, "recent-composite");
        foreach (var directory in new[] { stale, recent })
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Join(directory, "1"), [1], Ct);
        }

        Directory.SetLastWriteTimeUtc(stale, (now - FileSystemBlobStoreOptions.DefaultStaleTemporaryFileAge - TimeSpan.FromMinutes(1)).UtcDateTime);
        Directory.SetLastWriteTimeUtc(recent, (now - TimeSpan.FromMinutes(5)).UtcDateTime);

        root.CreateStore(new FakeTimeProvider(now));

        Directory.Exists(stale).ShouldBeFalse();
        Directory.Exists(recent).ShouldBeTrue();
    }
}
