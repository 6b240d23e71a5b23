namespace Stowage.Processing.Archives;

/// <summary>
/// Passes an entry's decompressed bytes through and, at their end, compares their CRC-32 with the one the
/// central directory records. The BCL's zip reader does not, so without this a flipped byte in stored
/// (or still-inflatable) data would be unpacked silently. Only a complete read can be checked.
/// </summary>
internal sealed class CrcCheckingStream(Stream inner, uint expectedCrc, string entryName) : Stream
{
    private uint _crc;
    private bool _checked;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer) => Account(buffer, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0)
        {
            _crc = Crc32.Append(_crc, buffer[..read]);
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (_crc != expectedCrc)
            {
                throw new InvalidDataException($"The data of '{entryName}' does not match its CRC-32 (expected {expectedCrc:x8}, got {_crc:x8}).");
            }
        }

        return read;
    }
}
