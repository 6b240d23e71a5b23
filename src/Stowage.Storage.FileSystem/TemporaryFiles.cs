namespace Stowage.Storage.FileSystem;

/// <summary>
/// Removes what a crash left in <c>.tmp</c>: files of an interrupted put or part, and directories (a composite
/// being built by ComposeAsync, or an old object displaced there to be deleted). Only entries older than the
/// cut-off go, so work in flight in another process sharing the root is never touched.
/// </summary>
internal static class TemporaryFiles
{
    public static void DeleteStale(string directory, DateTimeOffset olderThan)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry.LastWriteTimeUtc >= olderThan.UtcDateTime)
            {
                continue;
            }

            try
            {
                if (entry is DirectoryInfo tree)
                {
                    tree.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already, or busy: the next start tries again.
            }
        }
    }
}
