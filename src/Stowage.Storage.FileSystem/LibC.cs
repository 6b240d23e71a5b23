using System.Runtime.InteropServices;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// The few POSIX calls .NET does not expose: fdatasync (RandomAccess.FlushToDisk is a full fsync),
/// sync_file_range (Linux early write-back), fsync of a directory (File.OpenHandle refuses
/// directories), and for composite objects rename/renameat2 with their errno (File.Move hides it and
/// cannot exchange), link(2) and openat(2). Callers check the platform first.
/// </summary>
internal static partial class LibC
{
    private const string Library = "libc";

    /// <summary>errno: the call was interrupted by a signal and may simply be repeated.</summary>
    internal const int EINTR = 4;

    /// <summary>sync_file_range: start write-out of dirty pages in the range without waiting for it.</summary>
    internal const uint SyncFileRangeWrite = 2;

    internal const int ReadOnly = 0;

    // errno values shared by every Linux architecture (asm-generic/errno-base.h, errno.h).
    internal const int ENOENT = 2;
    internal const int EEXIST = 17;
    internal const int ENOTDIR = 20;
    internal const int EISDIR = 21;
    internal const int ENOTEMPTY = 39;

    /// <summary>openat/renameat2: paths relative to the current directory.</summary>
    internal const int AtFdCwd = -100;

    /// <summary>renameat2: fail with EEXIST instead of replacing.</summary>
    internal const uint RenameNoReplace = 1;

    /// <summary>renameat2: swap the two paths atomically; both must exist (Linux 3.15, ext4, XFS, btrfs, tmpfs).</summary>
    internal const uint RenameExchange = 2;

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

    [LibraryImport(Library, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Rename(string oldPath, string newPath);

    // glibc 2.28+ wraps the syscall (Debian 12 ships 2.36).
    [LibraryImport(Library, EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport(Library, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Link(string existingPath, string newPath);

    [LibraryImport(Library, EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Unlink(string path);

    // Variadic like open(2); never called with O_CREAT.
    [LibraryImport(Library, EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OpenAt(int dirFd, string path, int flags);
}
