namespace Stowage.Core.Tests.Support;

/// <summary>
/// A request body whose client goes away: it hands out <paramref name="content"/>'s first
/// <paramref name="failAfter"/> bytes in reads of at most <paramref name="pieceSize"/> (as a socket
/// delivers them), then every further read throws <paramref name="failure"/> (by default an
/// <see cref="IOException"/>; the S3 tests pass what the front door's body readers throw on a bad chunk).
/// </summary>
internal sealed class FailingStream(byte[] content, int failAfter, int pieceSize = 16 * 1024, Exception? failure = null) : Stream
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
        if (_position >= failAfter)
        {
            throw Failure();
        }

        var n = Math.Min(Math.Min(buffer.Length, pieceSize), failAfter - _position);
        content.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _position >= failAfter
            ? ValueTask.FromException<int>(Failure())
            : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private Exception Failure() => failure ?? new IOException("The client reset the connection.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
