namespace Stowage.Core.Tests.S3;

/// <summary>
/// A body that hands out <paramref name="content"/>'s first <paramref name="throwAfter"/> bytes and then throws
/// <paramref name="exception"/>, as the front door's body readers do when a chunk signature or a payload hash fails.
/// </summary>
internal sealed class ThrowingAfterStream(byte[] content, int throwAfter, Exception exception) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= throwAfter)
        {
            throw exception;
        }

        var n = Math.Min(Math.Min(buffer.Length, 16 * 1024), throwAfter - _position);
        content.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _position >= throwAfter ? ValueTask.FromException<int>(exception) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
