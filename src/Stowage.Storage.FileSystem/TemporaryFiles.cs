namespace Stowage.Storage.FileSystem;

/// <summary>Removes temporary files a crash left behind in the middle of a put.</summary>
internal static class TemporaryFiles
{
    public static void DeleteStale(string directory, DateTimeOffset olderThan)
    {
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= olderThan.UtcDateTime)
            {
                continue;
            }

            try
            {
                file.Delete();
            }
            catch (IOException)
            {
                // Gone already, or busy: the next start tries again.
            }
        }
    }
}
