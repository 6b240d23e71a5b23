namespace Stowage.Core.Processing;

/// <summary>
/// A forward-only pass over an archive's entries. Entry names are as stored in the archive, unchecked:
/// the caller sanitizes them and enforces count and size limits (never trusting declared sizes).
/// </summary>
public interface IArchiveReader : IDisposable
{
    /// <summary>Advances to the next entry; false at the end. Throws <see cref="InvalidDataException"/> on a corrupt archive.</summary>
    bool MoveNext();

    ArchiveEntry Current { get; }

    /// <summary>
    /// Roughly how many bytes of the archive file the reader has consumed so far, once it reads entry
    /// data: progress only, never a limit (limits count bytes actually unpacked).
    /// </summary>
    long PackedBytesConsumed { get; }

    /// <summary>
    /// The current entry's data, valid until the next <see cref="MoveNext"/>. Reading throws
    /// <see cref="InvalidDataException"/> on corrupt data.
    /// </summary>
    Stream OpenCurrent();
}

/// <summary>An entry's header. <see cref="DeclaredSize"/> is what the archive claims, not to be trusted.</summary>
public sealed record ArchiveEntry(string Name, ArchiveEntryType Type, long? DeclaredSize);

public enum ArchiveEntryType
{
    File,
    Directory,

    /// <summary>Symlinks, hard links, devices and the like: never unpacked.</summary>
    Other,
}
