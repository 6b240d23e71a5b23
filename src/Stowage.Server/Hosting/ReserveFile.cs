using Stowage.Core.Capacity;

namespace Stowage.Server.Hosting;

/// <summary>
/// The storage reserve of the embedded default (docs/operations.md, "A full disk"): one file,
/// <c>DIR/.space-reserve</c>, of <c>Stowage:Capacity:ReserveBytes</c> beside the SQLite database. Its bytes are
/// written, not just allocated: a sparse or merely preallocated file would not hold space on every file system,
/// and a pattern that does not compress holds it on compressing ones too. It is written under another name and
/// renamed, so a reserve that is in place is whole.
/// </summary>
internal sealed class ReserveFile : IStorageReserve
{
    public const string FileName = ".space-reserve";

    /// <summary>With the reserve off, writes resume once this much is free: room for a few WAL checkpoints.</summary>
    internal const long MinimumRoomBytes = 16L << 20;

    private const int BlockBytes = 1 << 20;

    private readonly string _directory;
    private readonly string _path;
    private readonly long _size;

    public ReserveFile(string directory, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _directory = directory;
        _path = Path.Combine(directory, FileName);
        _size = size;
    }

    public long Release()
    {
        DeleteQuietly(_path + ".tmp");
        var info = new FileInfo(_path);
        if (!info.Exists)
        {
            return 0;
        }

        var length = info.Length;
        info.Delete();
        return length;
    }

    public bool TryRestore()
    {
        var room = _size > 0 ? _size : MinimumRoomBytes;
        if (_size > 0 && !InPlace())
        {
            // Made only when it leaves as much again free: otherwise it would be the reason the next write fails.
            if (FreeBytes() < _size + room || !TryWrite())
            {
                return false;
            }
        }

        return FreeBytes() >= room;
    }

    private bool InPlace()
    {
        var info = new FileInfo(_path);
        return info.Exists && info.Length == _size;
    }

    private bool TryWrite()
    {
        Directory.CreateDirectory(_directory);
        var temporary = _path + ".tmp";
        try
        {
            var block = new byte[BlockBytes];
            new Random(20261203).NextBytes(block); // incompressible, and the same every time (no need to be secret)
            using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                for (long written = 0; written < _size; written += BlockBytes)
                {
                    RandomAccess.Write(handle, block.AsSpan(0, (int)Math.Min(BlockBytes, _size - written)), written);
                }

                // On disk before the rename: after a power loss a renamed file whose blocks were never allocated
                // (delayed allocation) would have its length but hold no space.
                RandomAccess.FlushToDisk(handle);
            }

            File.Move(temporary, _path, overwrite: true);
            return true;
        }
        catch (IOException)
        {
            DeleteQuietly(temporary); // no room for it (ENOSPC): what was written is freed again
            return false;
        }
    }

    /// <summary>
    /// What this process may still write: a privileged process may also use the blocks a file system keeps back
    /// for root (ext4's 5 %), so it counts every free block; any other process only the available ones.
    /// </summary>
    private long FreeBytes()
    {
        var drive = new DriveInfo(_directory);
        return Environment.IsPrivilegedProcess ? drive.TotalFreeSpace : drive.AvailableFreeSpace;
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // gone already, or the next release or restore removes it
        }
    }
}
