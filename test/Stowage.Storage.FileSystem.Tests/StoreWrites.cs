using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

internal static class StoreWrites
{
    /// <summary>Writes <paramref name="data"/> at offset 0 and flushes durably, as an upload chunk does.</summary>
    public static async Task WriteAsync(this FileSystemBlobStore store, ObjectRef obj, byte[] data)
    {
        await using var writer = await store.OpenWriterAsync(obj, 0, CancellationToken.None);
        await writer.WriteAsync(data, CancellationToken.None);
        await writer.FlushAsync(true, CancellationToken.None);
    }
}
