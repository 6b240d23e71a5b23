using System.Buffers;

namespace Stowage.Storage.FileSystem;

// Turning a composite object into a plain file, for the callers that need one (GetLocalPath, taking an object back as segments).
public sealed partial class FileSystemBlobStore
{
    /// <summary>
    /// If <paramref name="path"/> holds a composite, concatenates its parts into a plain file under <c>.tmp</c>
    /// (fdatasynced: it replaces an object that may have been durable) and installs that file in its place,
    /// unless another writer replaced the composite meanwhile (then the copy is dropped and the new object
    /// checked again). Synchronous like its callers; it copies the whole object, so it is the exception, not
    /// the path of S3 reads.
    /// </summary>
    private void Flatten(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            CompositeObject? composite;
            try
            {
                composite = CompositeObject.TryOpen(path, out _);
            }
            catch (FileNotFoundException) when (attempt < MaxOpenAttempts)
            {
                continue;
            }

            if (composite is null)
            {
                return;
            }

            var id = composite.Manifest.Id;
            var temporary = _layout.NewTemporaryPath();
            try
            {
                CopyToNewFile(composite, temporary);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            string? displaced = null;
            var installed = false;
            lock (_locks.For(path))
            {
                // Every installer holds this lock, so "still the composite I copied" cannot change before the exchange.
                if (IsComposite(path, id))
                {
                    displaced = InstallLocked(temporary, path);
                    installed = true;
                }
            }

            if (!installed)
            {
                File.Delete(temporary);
                if (attempt == MaxOpenAttempts)
                {
                    throw new IOException($"The composite object at '{path}' kept being replaced while it was being flattened.");
                }

                continue;
            }

            if (displaced is not null)
            {
                DeleteEntry(displaced);
            }

            _directories.SyncEntryOf(path);
            return;
        }
    }

    private static bool IsComposite(string path, string id)
    {
        try
        {
            using var current = CompositeObject.TryOpen(path, out _);
            return current is not null && string.Equals(current.Manifest.Id, id, StringComparison.Ordinal);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private static void CopyToNewFile(CompositeObject composite, string temporary)
    {
        using var source = new CompositeReadStream(composite, 0);
        using var target = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, Sharing);
        var buffer = ArrayPool<byte>.Shared.Rent(PutBufferBytes);
        try
        {
            long written = 0;
            int read;
            while ((read = source.Read(buffer.AsSpan(0, PutBufferBytes))) > 0)
            {
                RandomAccess.Write(target, buffer.AsSpan(0, read), written);
                written += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        NativeFile.FlushData(target);
    }
}
