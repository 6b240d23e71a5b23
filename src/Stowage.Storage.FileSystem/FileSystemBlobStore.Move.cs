using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

public sealed partial class FileSystemBlobStore
{
    public async Task<bool> MoveAsync(ObjectRef from, ObjectRef to, bool durable, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = _layout.PathOf(from);
        var target = _layout.PathOf(to);
        if (!File.Exists(source))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            // A rename: no bytes copied, the target replaced atomically, open readers of either keep their file.
            File.Move(source, target, overwrite: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        if (durable)
        {
            await Task.Run(() => SyncMove(source, target), CancellationToken.None);
        }

        return true;
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
