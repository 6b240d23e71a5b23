using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

/// <summary>What both blob conformance suites do with bytes: make them, store them, read them back, compare them.</summary>
internal static class BlobBytes
{
    /// <summary>Deterministic, non-repeating bytes, so a misplaced range never compares equal by accident.</summary>
    public static byte[] Make(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task PutAsync(IBlobStore store, ObjectRef obj, byte[] data, bool durable)
    {
        using var content = new MemoryStream(data);
        await store.PutAsync(obj, content, durable, CancellationToken.None);
    }

    /// <summary>The object's bytes from <paramref name="offset"/>, or null when it does not exist.</summary>
    public static async Task<byte[]?> ReadAsync(IBlobStore store, ObjectRef obj, long offset)
    {
        await using var stream = await store.OpenReadAsync(obj, offset, CancellationToken.None);
        return stream is null ? null : await ReadToEndAsync(stream);
    }

    public static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, CancellationToken.None);
        return copy.ToArray();
    }

    /// <summary>Compares large arrays quickly, and names the first differing offset instead of printing megabytes.</summary>
    public static void ShouldBe(byte[]? actual, byte[] expected)
    {
        actual.ShouldNotBeNull();
        actual.Length.ShouldBe(expected.Length);
        actual.AsSpan().CommonPrefixLength(expected).ShouldBe(expected.Length, "bytes differ from this offset on");
    }

    public static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();
}
