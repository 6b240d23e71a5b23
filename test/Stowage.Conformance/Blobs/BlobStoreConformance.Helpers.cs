using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

public abstract partial class BlobStoreConformance
{
    protected const string Bucket = "conformance";
    protected const string OtherBucket = "conformance-other";

    protected static CancellationToken Ct => CancellationToken.None;

    protected static ObjectRef Obj(string key, string bucket = Bucket) => new(bucket, key);

    protected static byte[] Bytes(int length, int seed) => BlobBytes.Make(length, seed);

    protected async Task WriteAsync(ObjectRef obj, long offset, byte[] data, bool durable = true)
    {
        await using var writer = await Store.OpenWriterAsync(obj, offset, Ct);
        await writer.WriteAsync(data, Ct);
        await writer.FlushAsync(durable, Ct);
    }

    protected Task PutAsync(ObjectRef obj, byte[] data, bool durable = true) => BlobBytes.PutAsync(Store, obj, data, durable);

    protected Task<byte[]?> ReadAsync(ObjectRef obj, long offset = 0) => BlobBytes.ReadAsync(Store, obj, offset);

    protected static Task<byte[]> ReadToEndAsync(Stream stream) => BlobBytes.ReadToEndAsync(stream);

    protected static void BytesShouldBe(byte[]? actual, byte[] expected) => BlobBytes.ShouldBe(actual, expected);

    protected static byte[] Concat(params byte[][] parts) => BlobBytes.Concat(parts);
}
