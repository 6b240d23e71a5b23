using System.IO.Compression;
using Stowage.Core.Processing;

namespace Stowage.Processing.Archives;

/// <summary>.zip archives, read with the BCL's <see cref="ZipArchive"/> (no native dependency).</summary>
public sealed class ZipArchiveFormat : IArchiveFormat
{
    private static readonly string[] ZipExtensions = ["zip"];

    private readonly int _maxEntries;

    /// <summary>Opens zips of any entry count.</summary>
    public ZipArchiveFormat() : this(int.MaxValue) { }

    /// <param name="maxEntries">
    /// Zips declaring more entries are refused with <see cref="ArchiveTooManyEntriesException"/> before
    /// their central directory is loaded (the BCL reader allocates for every entry up front).
    /// </param>
    public ZipArchiveFormat(int maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        _maxEntries = maxEntries;
    }

    public IReadOnlyCollection<string> Extensions => ZipExtensions;

    public IArchiveReader Open(Stream archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (!archive.CanSeek)
        {
            throw new ArgumentException("A zip is read from its central directory at the end: the stream must be seekable.", nameof(archive));
        }

        // The central directory is parsed in small reads, so a buffer saves calls; entry data is read in large blocks anyway.
        var buffered = new BufferedStream(archive, 64 * 1024);
        try
        {
            if (ZipDirectoryCount.Read(buffered) is { } declared && declared > _maxEntries)
            {
                throw new ArchiveTooManyEntriesException(declared, _maxEntries);
            }

            // The constructor reads the central directory and throws InvalidDataException when it is missing or corrupt.
            return new ZipArchiveReader(new ZipArchive(buffered, ZipArchiveMode.Read, leaveOpen: false));
        }
        catch
        {
            buffered.Dispose();
            throw;
        }
    }

    /// <summary>Opens a local file (tools and tests); the server reads archives from the blob store's stream.</summary>
    public IArchiveReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1));
    }
}
