using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Stowage.Server.Hosting;

/// <summary>A pool of fixed-size pinned blocks (sockets write into them directly), keeping at most a bounded number free.</summary>
internal sealed class LargeBlockMemoryPool(int blockSize, int maxRetained) : MemoryPool<byte>
{
    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;

    public override int MaxBufferSize => blockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, blockSize);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            return block;
        }

        return new Block(this, blockSize);
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) <= maxRetained)
        {
            _free.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref _freeCount);
        }
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private sealed class Block(LargeBlockMemoryPool pool, int size) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(size, pinned: true), 0, size);

        public void Dispose() => pool.Return(this);
    }
}
