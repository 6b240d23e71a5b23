using Microsoft.Win32.SafeHandles;
using Stowage.Core.Common;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// Reads a composite object as one seekable stream: the manifest's lengths place any position in a part,
/// and each part is opened only when reading reaches it (a 10,000-part object costs one descriptor at a
/// time). If the composite is replaced or deleted while this stream is open, its files are deleted under
/// it and the next part to open fails with FileNotFoundException (an IOException); a part already open
/// keeps reading. Never does it read bytes of the object that replaced it.
/// </summary>
internal sealed class CompositeReadStream : ReadOnlyStream
{
    private readonly CompositeObject _composite;
    private long _position;
    private int _openIndex = -1;
    private SafeFileHandle? _open;

    public CompositeReadStream(CompositeObject composite, long offset)
    {
        _composite = composite;
        _position = offset;
    }

    public override bool CanSeek => true;

    public override long Length => _composite.Manifest.Length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override int Read(Span<byte> buffer)
    {
        if (!Locate(buffer.Length, out var handle, out var partOffset, out var count))
        {
            return 0;
        }

        return Advance(RandomAccess.Read(handle, buffer[..count], partOffset));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Locate(buffer.Length, out var handle, out var partOffset, out var count))
        {
            return 0;
        }

        return Advance(await RandomAccess.ReadAsync(handle, buffer[..count], partOffset, cancellationToken));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open?.Dispose();
            _composite.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The part under the position, opened, and how much of the buffer one read there may fill.</summary>
    private bool Locate(int bufferLength, out SafeFileHandle handle, out long partOffset, out int count)
    {
        var manifest = _composite.Manifest;
        if (bufferLength == 0 || _position >= manifest.Length)
        {
            (handle, partOffset, count) = (null!, 0, 0);
            return false;
        }

        var index = manifest.IndexAt(_position);
        if (index != _openIndex)
        {
            _open?.Dispose();
            _open = null;
            _open = _composite.OpenPart(index);
            _openIndex = index;
        }

        handle = _open!;
        partOffset = _position - manifest.StartOf(index);
        count = (int)Math.Min(bufferLength, manifest.Parts[index].Length - partOffset);
        return true;
    }

    private int Advance(int read)
    {
        if (read == 0)
        {
            // OpenPart checked the length and installed parts never change (deleting one keeps it readable through
            // an open handle): only a file truncated behind the store's back ends early.
            throw new IOException($"A part of the composite object at '{_composite.Path}' ended before its manifest length.");
        }

        _position += read;
        return read;
    }
}
