using System.Runtime.InteropServices;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// The few POSIX calls .NET does not expose: fdatasync (RandomAccess.FlushToDisk is a full fsync),
/// sync_file_range (Linux early write-back) and fsync of a directory (File.OpenHandle refuses
/// directories). Callers check the platform first.
/// </summary>
internal static partial class LibC
{
    private const string Library = "libc";

    /// <summary>errno: the call was interrupted by a signal and may simply be repeated.</summary>
    internal const int EINTR = 4;

    /// <summary>sync_file_range: start write-out of dirty pages in the range without waiting for it.</summary>
    internal const uint SyncFileRangeWrite = 2;

    internal const int ReadOnly = 0;

    [LibraryImport(Library, EntryPoint = "fdatasync", SetLastError = true)]
    internal static partial int FDataSync(int fd);

    [LibraryImport(Library, EntryPoint = "fsync", SetLastError = true)]
    internal static partial int FSync(int fd);

    [LibraryImport(Library, EntryPoint = "sync_file_range", SetLastError = true)]
    internal static partial int SyncFileRange(int fd, long offset, long count, uint flags);

    // open(2) is variadic; the mode argument is only read with O_CREAT, which is never passed here.
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}
