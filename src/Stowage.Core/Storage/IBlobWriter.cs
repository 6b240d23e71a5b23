namespace Stowage.Core.Storage;

/// <summary>Writes one object sequentially from the offset it was opened at.</summary>
public interface IBlobWriter : IAsyncDisposable
{
    /// <summary>The offset the next write lands at.</summary>
    long Position { get; }

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Makes everything written so far visible to readers and, when <paramref name="durable"/>, stable
    /// on disk (fsync) before it returns. Only bytes flushed durably may be reported as received.
    /// </summary>
    ValueTask FlushAsync(bool durable, CancellationToken cancellationToken);
}
