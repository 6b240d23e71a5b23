using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// Linux path operations for composite objects, returning errno so callers can tell "missing" and
/// "is a directory" apart from failures: rename(2), renameat2(2) RENAME_EXCHANGE (swaps two paths atomically,
/// file or directory, https://man7.org/linux/man-pages/man2/rename.2.html), link(2), unlink(2), openat(2).
/// </summary>
internal static class NativePaths
{
    /// <summary>O_CLOEXEC, the same on every Linux architecture .NET runs on.</summary>
    private const int CloseOnExec = 0x80000;

    /// <summary>0, or the errno of rename(2): replaces a file, or an empty directory with a directory.</summary>
    public static int Rename(string from, string to) => Errno(() => LibC.Rename(from, to));

    /// <summary>0, or the errno of renameat2(2) RENAME_NOREPLACE: EEXIST when <paramref name="to"/> exists.</summary>
    public static int RenameNoReplace(string from, string to) =>
        Errno(() => LibC.RenameAt2(LibC.AtFdCwd, from, LibC.AtFdCwd, to, LibC.RenameNoReplace));

    /// <summary>0, or the errno of renameat2(2) RENAME_EXCHANGE: ENOENT when either path is missing.</summary>
    public static int Exchange(string a, string b) =>
        Errno(() => LibC.RenameAt2(LibC.AtFdCwd, a, LibC.AtFdCwd, b, LibC.RenameExchange));

    /// <summary>0, or the errno of link(2): a second name for the same inode, no bytes copied.</summary>
    public static int Link(string existing, string newPath) => Errno(() => LibC.Link(existing, newPath));

    /// <summary>0, or the errno of unlink(2): EISDIR for a directory.</summary>
    public static int Unlink(string path) => Errno(() => LibC.Unlink(path));

    /// <summary>Opens a directory; null with ENOENT or ENOTDIR in <paramref name="errno"/> when there is none.</summary>
    public static DirectoryHandle? OpenDirectory(string path, out int errno)
    {
        var flags = NativeFile.DirectoryOpenFlags() ?? throw new PlatformNotSupportedException("Directory handles need Linux.");
        var fd = -1;
        errno = Errno(() => fd = LibC.Open(path, LibC.ReadOnly | flags));
        return errno == 0 ? new DirectoryHandle(fd) : null;
    }

    /// <summary>Opens the file <paramref name="name"/> of the directory for reading; FileNotFoundException when it is gone.</summary>
    public static SafeFileHandle OpenFileAt(DirectoryHandle directory, string name)
    {
        var added = false;
        try
        {
            directory.DangerousAddRef(ref added);
            var dirFd = (int)directory.DangerousGetHandle();
            var fd = -1;
            var errno = Errno(() => fd = LibC.OpenAt(dirFd, name, LibC.ReadOnly | CloseOnExec));
            return errno switch
            {
                0 => new SafeFileHandle((nint)fd, ownsHandle: true),
                LibC.ENOENT => throw new FileNotFoundException($"The composite object's file '{name}' is gone (the object was replaced or deleted while being read).", name),
                _ => throw Failure("openat", name, errno),
            };
        }
        finally
        {
            if (added)
            {
                directory.DangerousRelease();
            }
        }
    }

    public static IOException Failure(string call, string path, int errno) =>
        new($"{call} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);

    private static int Errno(Func<int> call)
    {
        while (true)
        {
            if (call() >= 0)
            {
                return 0;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != LibC.EINTR)
            {
                return errno;
            }
        }
    }
}
