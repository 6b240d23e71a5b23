using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

public sealed partial class FileSystemBlobStore
{
    public async Task<bool> MoveAsync(ObjectRef from, ObjectRef to, bool durable, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = _layout.PathOf(from);
        var target = _layout.PathOf(to);
        if (!Path.Exists(source))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string? displaced;
        var (first, second) = _locks.For(source, target);
        lock (first)
        {
            if (second is null)
            {
                if (!MoveLocked(source, target, out displaced))
                {
                    return false;
                }
            }
            else
            {
                lock (second)
                {
                    if (!MoveLocked(source, target, out displaced))
                    {
                        return false;
                    }
                }
            }
        }

        if (displaced is not null)
        {
            DeleteEntry(displaced);
        }

        if (durable)
        {
            await Task.Run(() => SyncMove(source, target), CancellationToken.None);
        }

        return true;
    }

    /// <summary>
    /// A rename: no bytes copied, the target replaced atomically, open readers of a plain file keep their file.
    /// A file and a composite (or two composites) cannot rename over each other, so they are exchanged and the old
    /// target, now at the source path, is taken into <c>.tmp</c> at once: a reader of the source path could see the
    /// old target only in between those two syscalls, and a crash there leaves the moved object safe at the target.
    /// </summary>
    private bool MoveLocked(string source, string target, out string? displaced)
    {
        displaced = null;
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                File.Move(source, target, overwrite: true);
                return true;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
        }

        // rename(2) of a path onto itself succeeds and changes nothing: a self-move keeps the object.
        var errno = NativePaths.Rename(source, target);
        if (errno == LibC.ENOENT)
        {
            return false;
        }

        if (errno is LibC.EISDIR or LibC.ENOTDIR or LibC.ENOTEMPTY or LibC.EEXIST)
        {
            errno = NativePaths.Exchange(source, target);
            if (errno == 0)
            {
                displaced = DisplaceLocked(source);
                return true;
            }
        }

        return errno == 0 ? true : throw NativePaths.Failure("rename", target, errno);
    }

    private void SyncMove(string source, string target)
    {
        _directories.SyncEntryOf(target);
        var sourceDirectory = Path.GetDirectoryName(source)!;
        if (!string.Equals(sourceDirectory, Path.GetDirectoryName(target), StringComparison.Ordinal))
        {
            NativeFile.SyncDirectory(sourceDirectory);
        }
    }
}
