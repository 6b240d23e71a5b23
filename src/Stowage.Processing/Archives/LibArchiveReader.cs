using System.Runtime.InteropServices;
using Stowage.Core.Processing;

namespace Stowage.Processing.Archives;

/// <summary>
/// One forward pass over a libarchive read handle. libarchive streams: each entry's data is only readable
/// between its archive_read_next_header and the next one, which is exactly the <see cref="IArchiveReader"/> contract.
/// </summary>
/// <remarks>
/// libarchive 3.6 does not verify the CRC of stored (uncompressed) RAR 4 entries: archive_read_format_rar_read_data
/// returns EOF once unp_size bytes are out, before read_data_stored's check. It does not expose the CRC either,
/// so such corruption passes; compressed RAR, RAR5 and 7z data are checked by libarchive.
/// </remarks>
internal sealed partial class LibArchiveReader : IArchiveReader
{
    private readonly LibArchiveHandle _archive;
    private readonly LibArchiveStreamSource _source;
    private nint _entry;
    private ArchiveEntry? _current;
    private bool _ended;

    private LibArchiveReader(LibArchiveHandle archive, LibArchiveStreamSource source)
    {
        _archive = archive;
        _source = source;
    }

    /// <summary>Incremented on every header change so a stream of a previous entry cannot read the next one's data.</summary>
    internal int Generation { get; private set; }

    internal LibArchiveHandle Handle => _archive;

    private bool _dataOpened;

    public ArchiveEntry Current => _current ?? throw new InvalidOperationException("Call MoveNext first.");

    /// <summary>
    /// The raw file position, counted only once entry data has been opened: 7z keeps its index at the
    /// end of the file, so while headers are read the position says nothing about progress.
    /// </summary>
    public long PackedBytesConsumed => !_dataOpened || Handle.IsClosed ? 0 : Math.Max(0, LibArchiveNative.FilterBytes(Handle, -1));

    /// <summary>Opens the archive in <paramref name="stream"/> (seekable), which the reader owns from then on.</summary>
    public static LibArchiveReader Open(Stream stream)
    {
        var source = new LibArchiveStreamSource(stream);
        var archive = LibArchiveNative.ReadNew();
        var locale = Utf8Locale.Enter();
        try
        {
            if (archive.IsInvalid)
            {
                throw new InvalidOperationException("archive_read_new failed (out of memory).");
            }

            Check(archive, LibArchiveNative.SupportFilterAll(archive), source);
            Check(archive, LibArchiveNative.SupportFormat7Zip(archive), source);
            Check(archive, LibArchiveNative.SupportFormatRar(archive), source);
            Check(archive, LibArchiveNative.SupportFormatRar5(archive), source);
            source.Attach(archive);
            Check(archive, LibArchiveNative.ReadOpen1(archive), source);
            return new LibArchiveReader(archive, source);
        }
        catch
        {
            archive.Dispose();
            source.Dispose();
            throw;
        }
        finally
        {
            Utf8Locale.Exit(locale);
        }
    }

    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_archive.IsClosed, this);
        Generation++;
        _current = null;
        _entry = nint.Zero;
        if (_ended)
        {
            return false;
        }

        // Names are converted while the header is read, so the thread's locale must be UTF-8 meanwhile.
        var locale = Utf8Locale.Enter();
        try
        {
            return ReadNextHeader();
        }
        finally
        {
            Utf8Locale.Exit(locale);
        }
    }

    public Stream OpenCurrent()
    {
        var current = Current;
        if (LibArchiveNative.EntryIsEncrypted(_entry) != 0)
        {
            throw new InvalidDataException($"The entry '{current.Name}' is encrypted; encrypted archives are not supported.");
        }

        _dataOpened = true;
        return new LibArchiveEntryStream(this, Generation);
    }

    public void Dispose()
    {
        _current = null;
        _entry = nint.Zero;

        // The handle first: libarchive may still call the source while it frees the archive.
        _archive.Dispose();
        _source.Dispose();
    }

    /// <summary>What the stream threw, when a failed call came from it; else libarchive's own complaint.</summary>
    internal Exception Error(long result, string operation) =>
        _source.Failure is { } failure ? new IOException($"Reading the archive failed: {failure.Message}", failure) : Error(_archive, result, operation);

    internal static InvalidDataException Error(LibArchiveHandle archive, long result, string operation)
    {
        var message = Marshal.PtrToStringUTF8(LibArchiveNative.ErrorString(archive));
        return new InvalidDataException(
            $"libarchive could not {operation} (code {result}): {(string.IsNullOrEmpty(message) ? "no details" : message)}");
    }

    private static void Check(LibArchiveHandle archive, int result, LibArchiveStreamSource source)
    {
        if (result < LibArchiveNative.Warn)
        {
            throw source.Failure is { } failure
                ? new IOException($"Reading the archive failed: {failure.Message}", failure)
                : Error(archive, result, "open the archive");
        }
    }

    private bool ReadNextHeader()
    {
        var result = LibArchiveNative.ReadNextHeader(_archive, out var entry);
        if (result == LibArchiveNative.Eof)
        {
            _ended = true;
            return false;
        }

        // ARCHIVE_WARN still yields a usable header (e.g. a name that could not be converted to the locale).
        if (result < LibArchiveNative.Warn)
        {
            _ended = true;
            throw Error(result, "read the next entry header");
        }

        _entry = entry;
        _current = new ArchiveEntry(ReadName(entry), Classify(entry), DeclaredSize(entry));
        return true;
    }
}
