using System.Buffers;
using System.Net;
using Microsoft.Win32.SafeHandles;

namespace Stowage.Bench.Http;

/// <summary>
/// A request body streamed from a byte range of a file: a chunk of the big file or a
/// whole small file. Nothing is buffered beyond one pooled block, so the client's cost
/// is one page-cache copy and one socket write per block.
/// </summary>
internal sealed class FileRangeContent : HttpContent
{
    // 1 MiB: large enough that syscall overhead is negligible next to the copy,
    // small enough to stay in the shared pool's cached sizes.
    public const int DefaultBlockSize = 1 << 20;

    private readonly SafeFileHandle file;
    private readonly long offset;
    private readonly long length;
    private readonly int blockSize;

    /// <param name="blockSize">
    /// Bytes read and written at a time. The swarm's thousand clients use 64 KiB: a thousand 1 MiB blocks
    /// in flight would be large-object-heap garbage the pool cannot keep.
    /// </param>
    public FileRangeContent(SafeFileHandle file, long offset, long length, string contentType, int blockSize = DefaultBlockSize)
    {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.blockSize = blockSize;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var block = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(length, 1, blockSize));
        try
        {
            for (long sent = 0; sent < length;)
            {
                var want = (int)Math.Min(block.Length, length - sent);

                // A synchronous read on purpose: the source is in the page cache, so this is a
                // memory copy; async file reads on Linux would add a thread-pool hop per block.
                var read = RandomAccess.Read(file, block.AsSpan(0, want), offset + sent);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"source file ended at {offset + sent}, expected {offset + length}");
                }

                await stream.WriteAsync(block.AsMemory(0, read), cancellationToken);
                sent += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = this.length;
        return true;
    }
}
