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

    public IArchiveReader Open(string localPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        // The central directory is parsed in small reads, so a buffer saves syscalls; entry data is read in large blocks anyway.
        var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        try
        {
            if (ZipDirectoryCount.Read(file) is { } declared && declared > _maxEntries)
            {
                throw new ArchiveTooManyEntriesException(declared, _maxEntries);
            }

            // The constructor reads the central directory and throws InvalidDataException when it is missing or corrupt.
            return new ZipArchiveReader(new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
