using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

public sealed partial class FileSystemBlobStoreLayoutTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task EveryCreatedPath_StaysUnderTheRoot_InTheDocumentedLayout()
    {
        var store = root.CreateStore();
        string[] keys = ["../../escape", "../../../../../../tmp/escape", "/etc/passwd", @"..\..\escape", "a\0/../../b", "..", ".", "a", "a/b", "📦/../🚀"];
        foreach (var key in keys)
        {
            await store.WriteAsync(new ObjectRef("bucket", key), [1, 2, 3]);
            await store.PutAsync(new ObjectRef("bucket", key + "/put"), new MemoryStream([4]), true, Ct);
            await store.SegmentAsync(new ObjectRef("other.bucket", key), 0, [5, 6], 3);
        }

        Directory.EnumerateFileSystemEntries(root.Outer).ShouldBe([Path.Join(root.Outer, "data")]);
        Directory.EnumerateFileSystemEntries(Path.Join(root.Outer, "data")).ShouldBe([root.Root]);
        foreach (var file in Directory.EnumerateFiles(root.Root, "*", SearchOption.AllDirectories))
        {
            Path.GetRelativePath(root.Root, file).ShouldMatch(ObjectPathPattern().ToString());
        }

        Directory.EnumerateFiles(root.Root, "*", SearchOption.AllDirectories).Count().ShouldBe(3 * keys.Length);
    }

    [Fact]
    public async Task ObjectPath_IsBucketThenFanOutThenSha256OfTheKey()
    {
        var store = root.CreateStore();
        var obj = new ObjectRef("bucket", "sessions/1/a.raw");
        await store.WriteAsync(obj, [1]);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(obj.Key)));
        store.GetLocalPath(obj).ShouldBe(Path.Join(root.Root, "bucket", hash[..2], hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData(".tmp")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("trailing.")]
    [InlineData("two..dots")]
    [InlineData("..")]
    [InlineData("a/b/c")]
    [InlineData(@"a\b\c")]
    [InlineData("spa ce")]
    [InlineData("bücket")]
    public async Task InvalidBucketNames_Throw_ForEveryOperation(string bucket)
    {
        var store = root.CreateStore();
        var obj = new ObjectRef(bucket, "key");

        await Should.ThrowAsync<ArgumentException>(async () => await store.OpenSegmentAsync(obj, 0, 1, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.ComposeSegmentsAsync(obj, 1, true, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.AbortSegmentsAsync(obj, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(obj, new MemoryStream([1]), true, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.OpenReadAsync(obj, 0, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.GetLengthAsync(obj, Ct));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync(obj, Ct));
        Should.Throw<ArgumentException>(() => store.GetLocalPath(obj));
    }

    [Fact]
    public void NullBucket_Throws()
    {
        Should.Throw<ArgumentException>(() => root.CreateStore().GetLocalPath(default));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("123")]
    [InlineData("my.bucket-2")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public async Task ValidBucketNames_HoldObjects(string bucket)
    {
        var store = root.CreateStore();

        await store.WriteAsync(new ObjectRef(bucket, "key"), [7]);

        (await store.GetLengthAsync(new ObjectRef(bucket, "key"), Ct)).ShouldBe(1);
    }

    [Fact]
    public void Key_WithALoneSurrogate_Throws_InsteadOfCollidingWithAnotherKey()
    {
        // Lenient UTF-8 would turn both into U+FFFD: two keys, one file.
        var store = root.CreateStore();

        Should.Throw<ArgumentException>(() => store.GetLocalPath(new ObjectRef("bucket", "\ud800")));
        Should.Throw<ArgumentException>(() => store.GetLocalPath(new ObjectRef("bucket", "\udc00")));
    }

    public void Dispose() => root.Dispose();


    [GeneratedRegex(@"^((\.segments/)?[a-z0-9.-]{3,63}/[0-9a-f]{2}/[0-9a-f]{64}|\.tmp/.+)$")]
    private static partial Regex ObjectPathPattern();
}
