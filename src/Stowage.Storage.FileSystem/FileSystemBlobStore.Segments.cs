using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

// Segments (IBlobStore.OpenSegmentAsync): one file per object under .segments, appended segment after segment,
// renamed to the object's path when composed (docs/ARCHITECTURE.md, "Segments on the file system").
public sealed partial class FileSystemBlobStore
{
    /// <summary>
    /// Segments files whose directory entry this process has made durable. A segment that ends the object needs no
    /// durable entry (its compose follows at once and makes the object durable, data and name), nor one whose entry
    /// is known durable already; every other durable commit makes sure, once per file. Composing or aborting forgets it.
    /// </summary>
    private readonly ConcurrentDictionary<string, bool> _durableSegmentEntries = new(StringComparer.Ordinal);

    public ValueTask<IBlobSegmentWriter> OpenSegmentAsync(ObjectRef target, long offset, long objectLength, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectLength, offset);
        cancellationToken.ThrowIfCancellationRequested();

        var path = _layout.SegmentsPathOf(target);
        var handle = OpenSegments(target, path, offset);
        try
        {
            var held = RandomAccess.GetLength(handle);
            if (held < offset)
            {
                throw new IOException($"The segments of {target} hold {held} bytes, fewer than the {offset} counted: stored bytes were lost (a power loss with durability off, or files removed by hand).");
            }

            if (held > offset)
            {
                // Bytes past the offset were never counted (a crash or a failure between a commit and its record):
                // they go. ftruncate; the next durable commit's fdatasync makes the new size durable with the data.
                RandomAccess.SetLength(handle, offset);
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return ValueTask.FromResult<IBlobSegmentWriter>(new FileSystemBlobWriter(handle, offset, _earlyWriteBack, flushedByCompose: objectLength, () =>
        {
            if (!_durableSegmentEntries.ContainsKey(path))
            {
                _directories.SyncEntryOf(path);

                // Marked only after the fsync: a concurrent commit must never skip one still in flight.
                _durableSegmentEntries.TryAdd(path, true);
            }
        }));
    }

    public Task ComposeSegmentsAsync(ObjectRef target, long length, bool durable, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        cancellationToken.ThrowIfCancellationRequested();
        var segments = _layout.SegmentsPathOf(target);
        var path = _layout.PathOf(target);
        if (!durable)
        {
            ComposeSegments(target, segments, path, length, durable);
            return Task.CompletedTask;
        }

        // A directory fsync blocks for milliseconds: off the caller's thread, and not cancellable half-way.
        return Task.Run(() => ComposeSegments(target, segments, path, length, durable), CancellationToken.None);
    }

    public Task AbortSegmentsAsync(ObjectRef target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var segments = _layout.SegmentsPathOf(target);
        _durableSegmentEntries.TryRemove(segments, out _);
        try
        {
            // A writer still holding the file open writes into an unlinked file from now on: nothing it commits is kept.
            File.Delete(segments);
        }
        catch (DirectoryNotFoundException)
        {
            // No segments of this bucket and fan-out were ever written: nothing to abort.
        }

        return Task.CompletedTask;
    }

    /// <summary>The file holding the object's uncomposed segments, for tools and tests; null when there is none.</summary>
    public string? GetLocalSegmentsPath(ObjectRef target)
    {
        var path = _layout.SegmentsPathOf(target);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The segments file, opened for writing. At offset 0 it is created when missing. Beyond 0 it must exist; if it
    /// does not, a compose the caller never recorded made it the object, which is taken back as the segments.
    /// </summary>
    private SafeFileHandle OpenSegments(ObjectRef target, string path, long offset)
    {
        try
        {
            return File.OpenHandle(path, offset == 0 ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.Write, Sharing);
        }
        catch (DirectoryNotFoundException) when (offset == 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, Sharing);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            TakeBackComposed(target, path, offset);
            return File.OpenHandle(path, FileMode.Open, FileAccess.Write, Sharing);
        }
    }

    /// <summary>
    /// Renames the object at <paramref name="target"/> back to the segments path (a composite, which no segments
    /// ever compose into, is flattened first). Its entry there is not known durable: the next durable commit syncs it.
    /// </summary>
    private void TakeBackComposed(ObjectRef target, string segments, long offset)
    {
        var path = _layout.PathOf(target);
        Flatten(path);
        Directory.CreateDirectory(Path.GetDirectoryName(segments)!);
        lock (_locks.For(path))
        {
            try
            {
                File.Move(path, segments, overwrite: false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new FileNotFoundException($"No segments of {target} are stored, though {offset} bytes of them were counted (aborted, or removed by hand).", e);
            }
        }
    }

    /// <summary>
    /// Renames the segments file to the object's path (replacing an object there atomically, <see cref="Install"/>),
    /// after cutting it to <paramref name="length"/> if a writer left uncounted bytes past it. When durable, the file
    /// is fdatasynced after the rename, through a handle opened before it: the last segment's commit left its flush
    /// here, so one journal commit carries its data, the size and the new name, and the directory fsync that
    /// follows (for file systems that need it) finds nothing more to write on ext4.
    /// </summary>
    private void ComposeSegments(ObjectRef target, string segments, string path, long length, bool durable)
    {
        _durableSegmentEntries.TryRemove(segments, out _);
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(segments, FileMode.Open, FileAccess.Write, Sharing);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            ComposedAlready(target, path, length, durable);
            return;
        }

        using (handle)
        {
            var held = RandomAccess.GetLength(handle);
            if (held < length)
            {
                throw new InvalidOperationException($"The segments of {target} hold {held} bytes; {length} cannot be composed from them.");
            }

            if (held > length)
            {
                RandomAccess.SetLength(handle, length);
            }

            string? displaced;
            try
            {
                displaced = Install(segments, path);
            }
            catch (Exception e) when (e is IOException && !File.Exists(segments))
            {
                // Aborted between the open and the rename.
                ComposedAlready(target, path, length, durable);
                return;
            }

            if (displaced is not null)
            {
                DeleteEntry(displaced);
            }

            if (durable)
            {
                NativeFile.FlushData(handle);
                _directories.SyncEntryOf(path);
            }
        }
    }

    /// <summary>No segments: a repeat of a compose that completed is a no-op; anything else was aborted.</summary>
    private void ComposedAlready(ObjectRef target, string path, long length, bool durable)
    {
        if (LengthAt(path) != length)
        {
            throw new FileNotFoundException($"No segments of {target} are stored, and no object of {length} bytes composed from them.");
        }

        if (durable && File.Exists(path))
        {
            // The earlier compose may have stopped before its flush.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write, Sharing);
            NativeFile.FlushData(handle);
            _directories.SyncEntryOf(path);
        }
    }
}
