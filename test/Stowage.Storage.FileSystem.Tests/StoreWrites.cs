using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

internal static class StoreWrites
{
    /// <summary>Writes <paramref name="data"/> as one durable segment and composes it, as a one-chunk upload does.</summary>
    public static async Task WriteAsync(this FileSystemBlobStore store, ObjectRef obj, byte[] data)
    {
        await store.SegmentAsync(obj, 0, data, data.Length);
        await store.ComposeSegmentsAsync(obj, data.Length, true, CancellationToken.None);
    }

    /// <summary>Writes <paramref name="data"/> as the segment at <paramref name="offset"/> and commits it durably.</summary>
    public static async Task SegmentAsync(this FileSystemBlobStore store, ObjectRef obj, long offset, byte[] data, long objectLength)
    {
        await using var writer = await store.OpenSegmentAsync(obj, offset, objectLength, CancellationToken.None);
        await writer.WriteAsync(data, CancellationToken.None);
        await writer.CommitAsync(true, CancellationToken.None);
    }
}
