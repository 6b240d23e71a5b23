namespace Stowage.Storage.FileSystem;

// Putting a staged file or composite directory at an object path, and taking one away, atomically.
public sealed partial class FileSystemBlobStore
{
    private readonly PathLocks _locks = new();

    /// <summary>
    /// Puts <paramref name="staged"/> (a file or a composite directory under <c>.tmp</c>) at <paramref name="target"/>,
    /// replacing whatever is there atomically: readers see the old object or the new one. Returns the path that
    /// now holds the displaced old object (the staged path), for the caller to delete, or null.
    /// </summary>
    private string? Install(string staged, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        lock (_locks.For(target))
        {
            return InstallLocked(staged, target);
        }
    }

    /// <summary>
    /// rename(2) covers a new path and a file over a file. It refuses a file over a directory (EISDIR), a
    /// directory over a file (ENOTDIR) or over a non-empty directory (ENOTEMPTY/EEXIST): those are swapped with
    /// renameat2 RENAME_EXCHANGE, which is as atomic, and the old object comes out at the staged path.
    /// </summary>
    private static string? InstallLocked(string staged, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            // No composites off Linux (ComposeAsync refuses), so targets are files and a rename is enough.
            File.Move(staged, target, overwrite: true);
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            var errno = NativePaths.Rename(staged, target);
            if (errno == 0)
            {
                return null;
            }

            if (errno is not (LibC.EISDIR or LibC.ENOTDIR or LibC.ENOTEMPTY or LibC.EEXIST))
            {
                throw NativePaths.Failure("rename", target, errno);
            }

            errno = NativePaths.Exchange(staged, target);
            if (errno == 0)
            {
                return staged;
            }

            // ENOENT: the target vanished between the two calls (another process); a plain rename will do now.
            if (errno != LibC.ENOENT || attempt == MaxOpenAttempts)
            {
                throw NativePaths.Failure("renameat2", target, errno);
            }
        }
    }

    /// <summary>
    /// Takes the object at <paramref name="path"/> out of the namespace: renames it into <c>.tmp</c> and
    /// returns where it went, or null when there was nothing. A composite leaves in one rename, so readers
    /// never see half of it; the caller deletes it afterwards, outside any lock.
    /// </summary>
    private string? DisplaceLocked(string path)
    {
        var temporary = _layout.NewTemporaryPath();
        var errno = NativePaths.Rename(path, temporary);
        return errno switch
        {
            0 => temporary,
            LibC.ENOENT => null,
            _ => throw NativePaths.Failure("rename", path, errno),
        };
    }

    /// <summary>
    /// Deletes a file or directory tree already out of the namespace (under <c>.tmp</c>). A failure leaves it
    /// there for the start-up sweep rather than failing an operation that has already succeeded.
    /// </summary>
    private static void DeleteEntry(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed by TemporaryFiles.DeleteStale at a later start.
        }
    }
}
