using System.Buffers;

namespace Stowage.Bench.Servers;

/// <summary>
/// Gives every measurement the same page-cache state. On this VM (Firecracker) the first write into
/// guest memory the kernel has not used lately is slow: the host faults the pages in. Measured: a
/// 600 MiB dd ran at 0.3 GB/s, the same dd right after at 1.4 GB/s; a 512 MiB upload to the same
/// server at 0.36 then 1.2 GB/s. Without this, whichever peer runs after another peer's deleted
/// files wins by luck. So before each measurement an untimed scratch file somewhat larger than the
/// upload is written and deleted (its dirty pages are dropped, not written back), leaving freed,
/// host-backed pages for the peer to write into.
/// </summary>
internal static class PageCacheWarmer
{
    private const int BufferSize = 1 << 20;

    public static async Task RunAsync(string directory, long bytes, CancellationToken ct)
    {
        var path = Path.Combine(directory, "page-cache-warmer.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            Array.Fill(buffer, (byte)0x5A, 0, BufferSize);
            using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
            {
                for (long written = 0; written < bytes; written += BufferSize)
                {
                    await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, BufferSize), written, ct);
                }
            }
        }
        finally
        {
            File.Delete(path);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
