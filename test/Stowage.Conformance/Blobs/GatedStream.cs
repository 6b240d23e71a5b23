namespace Stowage.Conformance.Blobs;

/// <summary>
/// A stream that hands out its first <c>gateAt</c> bytes, then waits for <see cref="Open"/> (or fails,
/// when told to): lets a test look at the store while a put is half-way through its content.
/// </summary>
internal sealed class GatedStream(byte[] data, int gateAt, bool failAtGate = false) : Stream
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource reachedGate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int position;

    /// <summary>Completes when the reader has consumed every byte before the gate and asked for more.</summary>
    public Task ReachedGate => reachedGate.Task;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Open() => gate.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position == gateAt)
        {
            reachedGate.TrySetResult();
            if (failAtGate)
            {
                throw new IOException("The content stream failed half-way (simulated).");
            }

            await gate.Task.WaitAsync(cancellationToken);
        }

        var end = position < gateAt ? gateAt : data.Length;
        var count = Math.Min(buffer.Length, end - position);
        data.AsMemory(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
