using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

/// <summary>
/// The behaviour every <see cref="IBlobComposer"/> backend must show, as written in its XML docs, and how
/// composed objects behave as ordinary objects of the <see cref="IBlobStore"/> (read, ranged read, length,
/// put over, move, delete). A backend's test project derives from this class and supplies a fresh, empty
/// store per test. Split by concern into partial files.
/// </summary>
public abstract partial class BlobComposerConformance
{
    protected const string Bucket = "composer";
    protected const string Upload = "upload-1";

    private IBlobStore? store;

    /// <summary>The store under test, created on first use.</summary>
    protected IBlobStore Store => store ??= CreateStore();

    protected IBlobComposer Composer => (IBlobComposer)Store;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A new, empty store of the backend; it must implement <see cref="IBlobComposer"/>.</summary>
    protected abstract IBlobStore CreateStore();

    protected static ObjectRef Obj(string key) => new(Bucket, key);

    /// <summary>Deterministic, non-repeating bytes, so a misplaced range never compares equal by accident.</summary>
    protected static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected async Task PutPartAsync(ObjectRef target, int partNumber, byte[] data, string uploadId = Upload, bool durable = true)
    {
        using var content = new MemoryStream(data);
        await Composer.PutPartAsync(target, uploadId, partNumber, content, durable, Ct);
    }

    /// <summary>Stores parts 1..n with the given sizes and returns their bytes, index i holding part i + 1.</summary>
    protected async Task<byte[][]> PutPartsAsync(ObjectRef target, params int[] sizes)
    {
        var parts = new byte[sizes.Length][];
        for (var i = 0; i < sizes.Length; i++)
        {
            parts[i] = Bytes(sizes[i], seed: 1000 + i);
            await PutPartAsync(target, i + 1, parts[i]);
        }

        return parts;
    }

    protected Task ComposeAsync(ObjectRef target, params int[] partNumbers) =>
        Composer.ComposeAsync(target, Upload, partNumbers, true, Ct);

    protected async Task PutAsync(ObjectRef obj, byte[] data)
    {
        using var content = new MemoryStream(data);
        await Store.PutAsync(obj, content, true, Ct);
    }

    /// <summary>The object's bytes from <paramref name="offset"/>, or null when it does not exist.</summary>
    protected async Task<byte[]?> ReadAsync(ObjectRef obj, long offset = 0)
    {
        await using var stream = await Store.OpenReadAsync(obj, offset, Ct);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    /// <summary>Compares large arrays quickly, and names the first differing offset instead of printing megabytes.</summary>
    protected static void BytesShouldBe(byte[]? actual, byte[] expected)
    {
        actual.ShouldNotBeNull();
        actual.Length.ShouldBe(expected.Length);
        actual.AsSpan().CommonPrefixLength(expected).ShouldBe(expected.Length, "bytes differ from this offset on");
    }

    protected static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();
}
