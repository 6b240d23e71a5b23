using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

/// <summary>
/// The behaviour every <see cref="IBlobComposer"/> backend must show, as written in its XML docs, and how
/// composed objects behave as ordinary objects of the <see cref="IBlobStore"/> (read, ranged read, length,
/// put or composed segments over, delete). A backend's test project derives from this class and supplies a fresh, empty
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

    protected static byte[] Bytes(int length, int seed) => BlobBytes.Make(length, seed);

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

    protected Task PutAsync(ObjectRef obj, byte[] data) => BlobBytes.PutAsync(Store, obj, data, durable: true);

    protected Task<byte[]?> ReadAsync(ObjectRef obj, long offset = 0) => BlobBytes.ReadAsync(Store, obj, offset);

    protected static void BytesShouldBe(byte[]? actual, byte[] expected) => BlobBytes.ShouldBe(actual, expected);

    protected static byte[] Concat(IEnumerable<byte[]> parts) => BlobBytes.Concat(parts);
}
