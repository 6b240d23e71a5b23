using Stowage.Core.Common;

namespace Stowage.Processing.Archives;

/// <summary>
/// Read-only stream over the current entry's data via archive_read_data. It yields what the decoder
/// produces, not what the header declared, so size limits are enforced by whoever counts the bytes read.
/// </summary>
internal sealed class LibArchiveEntryStream(LibArchiveReader reader, int generation) : ReadOnlyStream
{
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override unsafe int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (reader.Generation != generation || reader.Handle.IsClosed)
        {
            throw new InvalidOperationException("The archive reader has moved past this entry.");
        }

        if (buffer.IsEmpty)
        {
            return 0;
        }

        nint read;
        fixed (byte* pointer = buffer)
        {
            read = LibArchiveNative.ReadData(reader.Handle, pointer, (nuint)buffer.Length);
        }

        // Negative values are ARCHIVE_* codes; even ARCHIVE_WARN carries no data, so every one is an error here.
        return read >= 0 ? (int)read : throw reader.Error(read, "read entry data");
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }
}
