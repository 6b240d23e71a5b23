using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

// IBlobComposer: parts under .multipart, composed into a composite object by hard links (see the type summary).
public sealed partial class FileSystemBlobStore
{
    public async Task PutPartAsync(ObjectRef target, string uploadId, int partNumber, Stream content, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(partNumber, 1);
        RequireLinux();
        var directory = _layout.UploadDirectoryOf(target, uploadId);
        var part = Path.Join(directory, BlobLayout.PartName(partNumber));
        var temporary = _layout.NewTemporaryPath();
        try
        {
            await WriteTemporaryAsync(temporary, content, durable, cancellationToken);

            // Parts are always plain files, so rename(2) replaces an earlier part of this number atomically.
            Directory.CreateDirectory(directory);
            File.Move(temporary, part, overwrite: true);
        }
        catch
        {
            // The content failed (or the write did): nothing of this part is kept, an earlier one stays.
            File.Delete(temporary);
            throw;
        }

        if (durable)
        {
            // The upload directory is removed when the upload ends, so it is synced here rather than remembered
            // as durable by DurableDirectories (which would also grow by one entry per upload).
            await Task.Run(() =>
            {
                NativeFile.SyncDirectory(directory);
                _directories.SyncEntryOf(directory);
            }, CancellationToken.None);
        }
    }

    public Task ComposeAsync(ObjectRef target, string uploadId, IReadOnlyList<int> partNumbers, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partNumbers);
        if (partNumbers.Count == 0 || partNumbers.Any(n => n < 1) || partNumbers.Distinct().Count() != partNumbers.Count)
        {
            throw new ArgumentException("Compose needs at least one part, each numbered from 1 and listed once.", nameof(partNumbers));
        }

        RequireLinux();
        cancellationToken.ThrowIfCancellationRequested();
        var directory = _layout.UploadDirectoryOf(target, uploadId);
        var path = _layout.PathOf(target);

        // Thousands of link and stat calls plus fsyncs: off the caller's thread, and not cancellable half-way.
        return Task.Run(() => Compose(directory, path, partNumbers, durable), CancellationToken.None);
    }

    public Task AbortAsync(ObjectRef target, string uploadId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RequireLinux();

        // Never created, or aborted already: nothing to displace, and aborting is idempotent.
        RemoveUploadDirectory(_layout.UploadDirectoryOf(target, uploadId));
        return Task.CompletedTask;
    }

    private void Compose(string directory, string path, IReadOnlyList<int> partNumbers, bool durable)
    {
        var upload = Path.GetFileName(directory);
        var staging = _layout.NewTemporaryPath();
        Directory.CreateDirectory(staging);
        string? displaced;
        try
        {
            var manifest = new CompositeManifest(Guid.NewGuid().ToString("N"), upload, LinkParts(directory, staging, partNumbers));
            WriteManifest(Path.Join(staging, CompositeManifest.FileName), manifest, durable);
            if (durable)
            {
                // The links and the manifest are entries of the staging directory; the part data was synced when put.
                NativeFile.SyncDirectory(staging);
            }

            displaced = Install(staging, path);
        }
        catch (FileNotFoundException) when (IsComposedFrom(path, directory, partNumbers))
        {
            // A repeat of a compose that completed (its caller failed or crashed before recording it): a no-op.
            DeleteEntry(staging);
            if (durable)
            {
                _directories.SyncEntryOf(path);
            }

            return;
        }
        catch
        {
            // Before the install nothing outside .tmp changed: the target and the upload's parts are as they were.
            DeleteEntry(staging);
            throw;
        }

        if (displaced is not null)
        {
            DeleteEntry(displaced);
        }

        if (durable)
        {
            _directories.SyncEntryOf(path);
        }

        // The composite holds its own links to the listed parts; this removes the upload's, and the unlisted parts.
        RemoveUploadDirectory(directory);
    }

    /// <summary>
    /// Whether the object at <paramref name="path"/> is the composite this upload's compose of exactly these parts
    /// installed: the upload's directory is gone (a compose removes it last) and the manifest names the upload
    /// and the parts, in order.
    /// </summary>
    private static bool IsComposedFrom(string path, string directory, IReadOnlyList<int> partNumbers)
    {
        if (Directory.Exists(directory))
        {
            return false;
        }

        try
        {
            using var composite = CompositeObject.TryOpen(path, out _);
            return composite is not null
                && string.Equals(composite.Manifest.Upload, Path.GetFileName(directory), StringComparison.Ordinal)
                && composite.Manifest.Parts.Select(p => p.Name).SequenceEqual(partNumbers.Select(BlobLayout.PartName));
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Renames the upload's directory into <c>.tmp</c>, then deletes it there: whatever a failure or a crash
    /// leaves behind is swept at start-up, where a half-deleted directory under <c>.multipart</c> never would be.
    /// </summary>
    private void RemoveUploadDirectory(string directory)
    {
        var displaced = _layout.NewTemporaryPath();
        var errno = NativePaths.Rename(directory, displaced);
        if (errno == LibC.ENOENT)
        {
            return;
        }

        if (errno != 0)
        {
            throw NativePaths.Failure("rename", directory, errno);
        }

        DeleteEntry(displaced);
    }

    /// <summary>
    /// Hard-links each listed part into the staging directory (a new name for the same inode: no byte copied) and
    /// reads its length there, so the length is that of the very file linked even if the part is re-put meanwhile.
    /// </summary>
    private static List<(string Name, long Length)> LinkParts(string directory, string staging, IReadOnlyList<int> partNumbers)
    {
        var parts = new List<(string, long)>(partNumbers.Count);
        foreach (var number in partNumbers)
        {
            var name = BlobLayout.PartName(number);
            var linked = Path.Join(staging, name);
            var errno = NativePaths.Link(Path.Join(directory, name), linked);
            if (errno == LibC.ENOENT)
            {
                throw new FileNotFoundException($"Part {number} of the upload is not stored.", name);
            }

            if (errno != 0)
            {
                throw NativePaths.Failure("link", linked, errno);
            }

            parts.Add((name, new FileInfo(linked).Length));
        }

        return parts;
    }

    private static void WriteManifest(string file, CompositeManifest manifest, bool durable)
    {
        using var handle = File.OpenHandle(file, FileMode.CreateNew, FileAccess.Write, Sharing);
        RandomAccess.Write(handle, manifest.ToBytes(), 0);
        if (durable)
        {
            NativeFile.FlushData(handle);
        }
    }

    /// <summary>Composites rely on renameat2 RENAME_EXCHANGE, link(2) and openat(2) as Linux provides them.</summary>
    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Multipart composition in the file-system blob store needs Linux (renameat2 RENAME_EXCHANGE).");
        }
    }
}
