using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

public abstract partial class BlobStoreConformance
{
    protected const string Bucket = "conformance";
    protected const string OtherBucket = "conformance-other";

    protected static CancellationToken Ct => CancellationToken.None;

    protected static ObjectRef Obj(string key, string bucket = Bucket) => new(bucket, key);

    protected static byte[] Bytes(int length, int seed) => BlobBytes.Make(length, seed);

    /// <summary>Writes <paramref name="data"/> as the segment at <paramref name="offset"/> and commits it.</summary>
    protected async Task SegmentAsync(ObjectRef obj, long offset, byte[] data, long objectLength, bool durable = true)
    {
        await using var writer = await Store.OpenSegmentAsync(obj, offset, objectLength, Ct);
        await writer.WriteAsync(data, Ct);
        await writer.CommitAsync(durable, Ct);
    }

    /// <summary>Stores <paramref name="data"/> as the Sessions API stores a file in one PUT: one segment, composed.</summary>
    protected async Task WriteAsync(ObjectRef obj, byte[] data, bool durable = true)
    {
        await SegmentAsync(obj, 0, data, data.Length, durable);
        await Store.ComposeSegmentsAsync(obj, data.Length, durable, Ct);
    }

    protected Task PutAsync(ObjectRef obj, byte[] data, bool durable = true) => BlobBytes.PutAsync(Store, obj, data, durable);

    protected Task<byte[]?> ReadAsync(ObjectRef obj, long offset = 0) => BlobBytes.ReadAsync(Store, obj, offset);

    protected static Task<byte[]> ReadToEndAsync(Stream stream) => BlobBytes.ReadToEndAsync(stream);

    protected static void BytesShouldBe(byte[]? actual, byte[] expected) => BlobBytes.ShouldBe(actual, expected);

    protected static byte[] Concat(params byte[][] parts) => BlobBytes.Concat(parts);
}
