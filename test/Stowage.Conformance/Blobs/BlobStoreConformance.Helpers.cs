using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

public abstract partial class BlobStoreConformance
{
    protected const string Bucket = "conformance";
    protected const string OtherBucket = "conformance-other";

    protected static CancellationToken Ct => CancellationToken.None;

    protected static ObjectRef Obj(string key, string bucket = Bucket) => new(bucket, key);

    /// <summary>Deterministic, non-repeating bytes, so a misplaced range never compares equal by accident.</summary>
    protected static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected async Task WriteAsync(ObjectRef obj, long offset, byte[] data, bool durable = true)
    {
        await using var writer = await Store.OpenWriterAsync(obj, offset, Ct);
        await writer.WriteAsync(data, Ct);
        await writer.FlushAsync(durable, Ct);
    }

    protected async Task PutAsync(ObjectRef obj, byte[] data, bool durable = true)
    {
        using var content = new MemoryStream(data);
        await Store.PutAsync(obj, content, durable, Ct);
    }

    /// <summary>The object's bytes from <paramref name="offset"/>, or null when it does not exist.</summary>
    protected async Task<byte[]?> ReadAsync(ObjectRef obj, long offset = 0)
    {
        await using var stream = await Store.OpenReadAsync(obj, offset, Ct);
        return stream is null ? null : await ReadToEndAsync(stream);
    }

    protected static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    /// <summary>Compares large arrays quickly, and names the first differing offset instead of printing megabytes.</summary>
    protected static void BytesShouldBe(byte[]? actual, byte[] expected)
    {
        actual.ShouldNotBeNull();
        actual.Length.ShouldBe(expected.Length);
        var mismatch = actual.AsSpan().CommonPrefixLength(expected);
        mismatch.ShouldBe(expected.Length, "bytes differ from this offset on");
    }

    protected static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
