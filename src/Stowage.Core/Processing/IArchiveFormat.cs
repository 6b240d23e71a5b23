namespace Stowage.Core.Processing;

/// <summary>An archive format Stowage can unpack (.zip, .7z, .rar).</summary>
public interface IArchiveFormat
{
    /// <summary>Lowercase extensions without the dot, e.g. "zip".</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>
    /// Opens the archive in <paramref name="archive"/> (readable and seekable: zip and 7z keep their directory at
    /// the end) for one forward pass over its entries; the reader owns the stream and disposes it. Archives are
    /// read where they are stored, through the blob store's stream, never from a local copy.
    /// Throws <see cref="InvalidDataException"/> when the file is not a readable archive of this format,
    /// <see cref="ArchiveTooManyEntriesException"/> when the format can tell up front that the archive
    /// declares more entries than it was configured to accept, and
    /// <see cref="PlatformNotSupportedException"/> when the native library it needs is missing.
    /// </summary>
    IArchiveReader Open(Stream archive);
}
