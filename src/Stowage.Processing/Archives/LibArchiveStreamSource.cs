using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stowage.Processing.Archives;

/// <summary>
/// Feeds libarchive from a seekable .NET stream through its client callbacks (archive.h:
/// archive_read_set_read_callback, _seek_callback, _skip_callback, _callback_data, archive_read_open1), so an
/// archive is read where it is stored (a blob store's stream) instead of from a local file. 7z keeps its index at
/// the end, hence the seek callback. The block handed to libarchive is a pinned buffer that stays valid until the
/// next read, as the read callback's contract asks. An exception of the stream is kept and rethrown by the reader,
/// so a failing store is reported as itself, not as a corrupt archive.
/// </summary>
internal sealed unsafe class LibArchiveStreamSource : IDisposable
{
    // libarchive reads in blocks of this size; 1 MiB keeps calls few without holding much memory per job.
    private const int BlockSize = 1 << 20;

    private readonly Stream _stream;
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);
    private GCHandle _self;

    public LibArchiveStreamSource(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("libarchive needs a readable, seekable stream.", nameof(stream));
        }

        _stream = stream;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>What the stream threw, if it did: libarchive only learns that a read failed.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Registers the callbacks and this source as their client data on <paramref name="archive"/>.</summary>
    public void Attach(LibArchiveHandle archive)
    {
        LibArchiveNative.SetReadCallback(archive, &Read);
        LibArchiveNative.SetSeekCallback(archive, &Seek);
        LibArchiveNative.SetSkipCallback(archive, &Skip);
        LibArchiveNative.SetCallbackData(archive, GCHandle.ToIntPtr(_self));
    }

    public void Dispose()
    {
        if (_self.IsAllocated)
        {
            _self.Free();
        }

        _stream.Dispose();
    }

    private static LibArchiveStreamSource From(nint clientData) => (LibArchiveStreamSource)GCHandle.FromIntPtr(clientData).Target!;

    [UnmanagedCallersOnly]
    private static nint Read(nint archive, nint clientData, void** block)
    {
        var source = From(clientData);
        try
        {
            var read = source._stream.Read(source._buffer);
            *block = Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(source._buffer));
            return read;
        }
        catch (Exception e)
        {
            source.Failure = e;
            return LibArchiveNative.Fatal;
        }
    }

    /// <summary>whence is SEEK_SET, SEEK_CUR or SEEK_END (0, 1, 2), the values of <see cref="SeekOrigin"/>.</summary>
    [UnmanagedCallersOnly]
    private static long Seek(nint archive, nint clientData, long offset, int whence)
    {
        var source = From(clientData);
        try
        {
            return source._stream.Seek(offset, (SeekOrigin)whence);
        }
        catch (Exception e)
        {
            source.Failure = e;
            return LibArchiveNative.Fatal;
        }
    }

    /// <summary>Skips forward by seeking, never past the end; returns how far it went.</summary>
    [UnmanagedCallersOnly]
    private static long Skip(nint archive, nint clientData, long request)
    {
        var source = From(clientData);
        try
        {
            var stream = source._stream;
            var before = stream.Position;
            return stream.Seek(Math.Min(request, Math.Max(0, stream.Length - before)), SeekOrigin.Current) - before;
        }
        catch (Exception e)
        {
            source.Failure = e;
            return LibArchiveNative.Fatal;
        }
    }
}
