using System.Buffers;

namespace Stowage.Core.Storage;

/// <summary>Writes one object sequentially from the offset it was opened at.</summary>
public interface IBlobWriter : IAsyncDisposable
{
    /// <summary>The offset the next write lands at.</summary>
    long Position { get; }

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Writes buffers that are not contiguous in memory (a transport's receive buffers), in order. A
    /// store that can write them in one call (a vectored write) should; this default writes them one by one.
    /// </summary>
    async ValueTask WriteAsync(ReadOnlySequence<byte> data, CancellationToken cancellationToken)
    {
        foreach (var segment in data)
        {
            await WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Makes everything written so far visible to readers and, when <paramref name="durable"/>, stable
    /// on disk (fsync) before it returns. Only bytes flushed durably may be reported as received.
    /// </summary>
    ValueTask FlushAsync(bool durable, CancellationToken cancellationToken);
}
