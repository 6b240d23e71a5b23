namespace Stowage.Core.Common;

/// <summary>
/// A read-only stream over another that sees every byte read through it (<see cref="OnRead"/>): for
/// hashing, counting, limits and checksums. Disposing it disposes the inner stream.
/// </summary>
public abstract class PassThroughStream(Stream inner) : ReadOnlyStream
{
    protected Stream Inner { get; } = inner;

    /// <summary>Called after each read with the bytes it produced (empty at the end of the stream).</summary>
    protected abstract void OnRead(ReadOnlySpan<byte> data, bool endOfStream);

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        OnRead(buffer[..read], endOfStream: read == 0 && !buffer.IsEmpty);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        OnRead(buffer.Span[..read], endOfStream: read == 0 && !buffer.IsEmpty);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
