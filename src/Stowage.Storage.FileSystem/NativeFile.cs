using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Stowage.Storage.FileSystem;

/// <summary>Durability primitives, per platform: Linux gets the fast paths, others the portable ones.</summary>
internal static class NativeFile
{
    /// <summary>Makes the file's data (and the metadata needed to read it back, e.g. its size) durable.</summary>
    public static void FlushData(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            // macOS: F_FULLFSYNC, the only call that reaches the platter there; Windows: FlushFileBuffers.
            RandomAccess.FlushToDisk(handle);
            return;
        }

        // fdatasync skips timestamps-only metadata that fsync would also write out.
        WithDescriptor(handle, static fd => RetryOnInterrupt(() => LibC.FDataSync(fd), "fdatasync"));
    }

    /// <summary>
    /// Asks Linux to start writing the range back now, without waiting, so the durable flush at the end
    /// of a chunk finds little left to write. Elsewhere a no-op: only a speed-up, never needed for safety.
    /// </summary>
    public static void StartWriteBack(SafeFileHandle handle, long offset, long count)
    {
        if (OperatingSystem.IsLinux())
        {
            // Best effort: a failure here only loses the head start, so the result is ignored.
            WithDescriptor(handle, fd => LibC.SyncFileRange(fd, offset, count, LibC.SyncFileRangeWrite));
        }
    }

    /// <summary>
    /// fsync of a directory: makes entries created, renamed or removed in it durable (POSIX leaves this
    /// to the caller; ext4 and XFS need it).
    /// </summary>
    public static void SyncDirectory(string path)
    {
        if (DirectoryOpenFlags() is not { } flags)
        {
            return;
        }

        var fd = RetryOnInterrupt(() => LibC.Open(path, LibC.ReadOnly | flags), "open");
        try
        {
            RetryOnInterrupt(() => LibC.FSync(fd), "fsync");
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }

    // O_DIRECTORY | O_CLOEXEC, whose values differ by kernel ABI; null where directories need no fsync
    // (Windows journals its directory entries) or the values are not known here.
    internal static int? DirectoryOpenFlags()
    {
        if (OperatingSystem.IsLinux())
        {
            return RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 ? 0x4000 | 0x80000 : 0x10000 | 0x80000;
        }

        return OperatingSystem.IsMacOS() ? 0x100000 | 0x1000000 : null;
    }

    internal static int RetryOnInterrupt(Func<int> call, string name)
    {
        while (true)
        {
            var result = call();
            if (result >= 0)
            {
                return result;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != LibC.EINTR)
            {
                throw new IOException($"{name} failed: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
            }
        }
    }

    private static void WithDescriptor(SafeFileHandle handle, Action<int> action)
    {
        // AddRef keeps the descriptor from being closed (and its number reused) during the call.
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            action((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }
}
