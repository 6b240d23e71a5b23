using Microsoft.Win32.SafeHandles;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// An open composite object: its directory's handle and its manifest, read through that handle. Parts
/// are opened relative to the handle (openat), so everything read belongs to the one composite that was
/// at the path when it was opened. Composites exist only on Linux (they are installed with renameat2).
/// </summary>
internal sealed class CompositeObject : IDisposable
{
    private CompositeObject(DirectoryHandle directory, CompositeManifest manifest, string path)
    {
        Directory = directory;
        Manifest = manifest;
        Path = path;
    }

    public DirectoryHandle Directory { get; }

    public CompositeManifest Manifest { get; }

    public string Path { get; }

    /// <summary>
    /// Opens the composite at <paramref name="path"/>; null when the path holds a plain file or nothing
    /// (<paramref name="isFile"/> tells which). A composite replaced between opening its directory and its
    /// manifest surfaces as FileNotFoundException.
    /// </summary>
    public static CompositeObject? TryOpen(string path, out bool isFile)
    {
        isFile = false;
        if (!OperatingSystem.IsLinux())
        {
            isFile = File.Exists(path);
            return null;
        }

        var directory = NativePaths.OpenDirectory(path, out var errno);
        if (directory is null)
        {
            isFile = errno == LibC.ENOTDIR;
            return errno is LibC.ENOENT or LibC.ENOTDIR ? null : throw NativePaths.Failure("open", path, errno);
        }

        try
        {
            using var file = NativePaths.OpenFileAt(directory, CompositeManifest.FileName);
            return new CompositeObject(directory, CompositeManifest.Parse(ReadSmallFile(file, path), path), path);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Opens part <paramref name="index"/>, checking it still has the manifest's length.</summary>
    public SafeFileHandle OpenPart(int index)
    {
        var (name, length) = Manifest.Parts[index];
        var handle = NativePaths.OpenFileAt(Directory, name);
        var actual = RandomAccess.GetLength(handle);
        if (actual != length)
        {
            handle.Dispose();
            throw new IOException($"Part '{name}' of the composite object at '{Path}' holds {actual} bytes; its manifest says {length}.");
        }

        return handle;
    }

    public void Dispose() => Directory.Dispose();

    private static byte[] ReadSmallFile(SafeFileHandle file, string path)
    {
        var length = RandomAccess.GetLength(file);
        if (length > CompositeManifest.MaxBytes)
        {
            throw new IOException($"The composite object's manifest at '{path}' is {length} bytes, larger than any this store writes.");
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(file, bytes.AsSpan(read), read);
            if (n == 0)
            {
                throw new IOException($"The composite object's manifest at '{path}' ended early.");
            }

            read += n;
        }

        return bytes;
    }
}
