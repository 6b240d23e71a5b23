using System.IO.Compression;
using Stowage.Core.Processing;

namespace Stowage.Processing.Archives;

/// <summary>A forward pass over a <see cref="ZipArchive"/>'s central directory, reporting names exactly as stored.</summary>
internal sealed class ZipArchiveReader(ZipArchive archive) : IArchiveReader
{
    // Unix st_mode file-type bits (POSIX <sys/stat.h>), which Info-ZIP stores in the high 16 bits of the
    // external attributes (APPNOTE.TXT 4.4.15; Info-ZIP's unix/unix.c). 0 means "not recorded" (DOS/Windows writers).
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;

    private int _index = -1;
    private ArchiveEntry? _current;
    private Stream? _open;

    public ArchiveEntry Current => _current ?? throw new InvalidOperationException("Call MoveNext first.");

    /// <summary>The compressed sizes of the entries passed so far, from the central directory.</summary>
    public long PackedBytesConsumed { get; private set; }

    public bool MoveNext()
    {
        CloseOpenEntry();
        if (_index >= 0 && _index < archive.Entries.Count)
        {
            PackedBytesConsumed += archive.Entries[_index].CompressedLength;
        }

        if (++_index >= archive.Entries.Count)
        {
            _index = archive.Entries.Count;
            _current = null;
            return false;
        }

        var entry = archive.Entries[_index];
        _current = new ArchiveEntry(entry.FullName, Classify(entry), entry.Length);
        return true;
    }

    public Stream OpenCurrent()
    {
        var current = Current;
        CloseOpenEntry();
        var entry = archive.Entries[_index];
        if (entry.IsEncrypted)
        {
            throw new InvalidDataException($"The entry '{current.Name}' is encrypted; encrypted archives are not supported.");
        }

        _open = new CrcCheckingStream(entry.Open(), entry.Crc32, current.Name);
        return _open;
    }

    public void Dispose()
    {
        CloseOpenEntry();
        archive.Dispose();
    }

    internal static ArchiveEntryType Classify(ZipArchiveEntry entry)
    {
        var fileType = (entry.ExternalAttributes >> 16) & FileTypeMask;
        return fileType switch
        {
            // A trailing '/' is how APPNOTE.TXT 4.4.17 marks a directory, whatever the attributes say.
            _ when entry.FullName.EndsWith('/') => fileType is 0 or DirectoryType or RegularFileType ? ArchiveEntryType.Directory : ArchiveEntryType.Other,
            0 or RegularFileType => ArchiveEntryType.File,
            DirectoryType => ArchiveEntryType.Directory,
            _ => ArchiveEntryType.Other, // symlink (0xA000), device, fifo, socket
        };
    }

    private void CloseOpenEntry()
    {
        _open?.Dispose();
        _open = null;
    }
}
