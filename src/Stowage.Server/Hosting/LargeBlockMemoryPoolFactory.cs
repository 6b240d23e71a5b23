using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Stowage.Server.Hosting;

/// <summary>
/// Gives Kestrel a memory pool of 64 KiB blocks instead of its default 4 KiB ones. The socket transport
/// receives into whatever the current pool block has free, so with 4 KiB blocks a 1 GiB upload costs a
/// quarter of a million recv calls and pipe hand-offs. Measured on this project's 2-core VM (512 MiB
/// PUT read and discarded by a bare Kestrel endpoint, curl client): 4 KiB blocks 0.4–0.5 GB/s at
/// ~2 CPU-seconds; 64 KiB blocks 1.4–1.8 GB/s at ~0.5 CPU-seconds; 128 KiB no better than 64.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>
    /// Free blocks kept per pool for reuse (16 MiB): enough for the in-flight buffers of dozens of
    /// concurrent uploads (Kestrel buffers at most 1 MiB of a request body per connection); beyond it
    /// returned blocks go to the garbage collector, so an idle server does not hold a burst's memory.
    /// </summary>
    public const int MaxRetainedBlocks = 256;

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool(BlockSize, MaxRetainedBlocks);
}
