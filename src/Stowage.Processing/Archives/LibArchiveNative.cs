using System.Runtime.InteropServices;

namespace Stowage.Processing.Archives;

/// <summary>
/// P/Invoke surface of libarchive 3.x (Debian package libarchive13), as declared in archive.h and
/// archive_entry.h. Only the read side Stowage needs for 7z and RAR.
/// </summary>
internal static partial class LibArchiveNative
{
    public const string Library = "libarchive.so.13";

    // Return codes (archive.h).
    public const int Eof = 1;
    public const int Ok = 0;
    public const int Retry = -10;
    public const int Warn = -20;
    public const int Failed = -25;
    public const int Fatal = -30;

    // File types returned by archive_entry_filetype (archive_entry.h, the POSIX st_mode values).
    public const uint FileTypeMask = 0xF000; // AE_IFMT
    public const uint RegularFile = 0x8000;  // AE_IFREG
    public const uint Directory = 0x4000;    // AE_IFDIR

    private static readonly Lazy<bool> Loaded = new(() => NativeLibrary.TryLoad(Library, typeof(LibArchiveNative).Assembly, null, out _));

    /// <summary>Resolves the library on first use so hosts without it can still read zip.</summary>
    public static void EnsureAvailable()
    {
        if (!Loaded.Value)
        {
            throw new PlatformNotSupportedException(
                $"Reading .7z and .rar archives needs the native library {Library}, which could not be loaded. On Debian or Ubuntu install the 'libarchive13' package.");
        }
    }

    [LibraryImport(Library, EntryPoint = "archive_read_new")]
    public static partial LibArchiveHandle ReadNew();

    [LibraryImport(Library, EntryPoint = "archive_read_free")]
    public static partial int ReadFree(nint archive);

    [LibraryImport(Library, EntryPoint = "archive_read_support_filter_all")]
    public static partial int SupportFilterAll(LibArchiveHandle archive);

    [LibraryImport(Library, EntryPoint = "archive_read_support_format_7zip")]
    public static partial int SupportFormat7Zip(LibArchiveHandle archive);

    [LibraryImport(Library, EntryPoint = "archive_read_support_format_rar")]
    public static partial int SupportFormatRar(LibArchiveHandle archive);

    [LibraryImport(Library, EntryPoint = "archive_read_support_format_rar5")]
    public static partial int SupportFormatRar5(LibArchiveHandle archive);

    [LibraryImport(Library, EntryPoint = "archive_read_set_read_callback")]
    public static unsafe partial int SetReadCallback(LibArchiveHandle archive, delegate* unmanaged<nint, nint, void**, nint> callback);

    [LibraryImport(Library, EntryPoint = "archive_read_set_seek_callback")]
    public static unsafe partial int SetSeekCallback(LibArchiveHandle archive, delegate* unmanaged<nint, nint, long, int, long> callback);

    [LibraryImport(Library, EntryPoint = "archive_read_set_skip_callback")]
    public static unsafe partial int SetSkipCallback(LibArchiveHandle archive, delegate* unmanaged<nint, nint, long, long> callback);

    [LibraryImport(Library, EntryPoint = "archive_read_set_callback_data")]
    public static partial int SetCallbackData(LibArchiveHandle archive, nint clientData);

    [LibraryImport(Library, EntryPoint = "archive_read_open1")]
    public static partial int ReadOpen1(LibArchiveHandle archive);

    [LibraryImport(Library, EntryPoint = "archive_read_next_header")]
    public static partial int ReadNextHeader(LibArchiveHandle archive, out nint entry);

    [LibraryImport(Library, EntryPoint = "archive_read_data")]
    public static unsafe partial nint ReadData(LibArchiveHandle archive, byte* buffer, nuint size);

    /// <summary>Bytes consumed by filter <paramref name="filter"/>; -1 is the last one, which reads the raw file.</summary>
    [LibraryImport(Library, EntryPoint = "archive_filter_bytes")]
    public static partial long FilterBytes(LibArchiveHandle archive, int filter);

    [LibraryImport(Library, EntryPoint = "archive_error_string")]
    public static partial nint ErrorString(LibArchiveHandle archive);

    [LibraryImport(Library, EntryPoint = "archive_entry_pathname_utf8")]
    public static partial nint EntryPathnameUtf8(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_pathname")]
    public static partial nint EntryPathname(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_filetype")]
    public static partial uint EntryFileType(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_hardlink")]
    public static partial nint EntryHardlink(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_symlink")]
    public static partial nint EntrySymlink(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_size_is_set")]
    public static partial int EntrySizeIsSet(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_size")]
    public static partial long EntrySize(nint entry);

    [LibraryImport(Library, EntryPoint = "archive_entry_is_encrypted")]
    public static partial int EntryIsEncrypted(nint entry);
}
