using System.Runtime.InteropServices;
using Stowage.Core.Processing;

namespace Stowage.Processing.Archives;

/// <summary>Turning a <c>struct archive_entry*</c> into an <see cref="ArchiveEntry"/>.</summary>
internal sealed partial class LibArchiveReader
{
    private static string ReadName(nint entry)
    {
        var name = LibArchiveNative.EntryPathnameUtf8(entry);
        if (name == nint.Zero)
        {
            // The UTF-8 form is NULL when libarchive cannot convert the stored name; the raw bytes are still faithful.
            name = LibArchiveNative.EntryPathname(entry);
        }

        return Marshal.PtrToStringUTF8(name) ?? string.Empty;
    }

    private static ArchiveEntryType Classify(nint entry)
    {
        // A hard link has AE_IFREG but its data lives in another entry; a symlink's "data" is its target.
        if (LibArchiveNative.EntryHardlink(entry) != nint.Zero || LibArchiveNative.EntrySymlink(entry) != nint.Zero)
        {
            return ArchiveEntryType.Other;
        }

        return (LibArchiveNative.EntryFileType(entry) & LibArchiveNative.FileTypeMask) switch
        {
            LibArchiveNative.RegularFile => ArchiveEntryType.File,
            LibArchiveNative.Directory => ArchiveEntryType.Directory,
            _ => ArchiveEntryType.Other,
        };
    }

    private static long? DeclaredSize(nint entry) =>
        LibArchiveNative.EntrySizeIsSet(entry) != 0 ? LibArchiveNative.EntrySize(entry) : null;
}
