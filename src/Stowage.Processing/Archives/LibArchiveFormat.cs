using Stowage.Core.Processing;

namespace Stowage.Processing.Archives;

/// <summary>
/// .7z and .rar (RAR 1.5–4.x and RAR5) archives, read through the system's libarchive
/// (Debian package libarchive13). The library is resolved on first <see cref="Open"/>, not at start-up.
/// </summary>
public sealed class LibArchiveFormat : IArchiveFormat
{
    private static readonly string[] LibArchiveExtensions = ["7z", "rar"];

    public IReadOnlyCollection<string> Extensions => LibArchiveExtensions;

    public IArchiveReader Open(Stream archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        LibArchiveNative.EnsureAvailable();
        return LibArchiveReader.Open(archive);
    }

    /// <summary>Opens a local file (tools and tests); the server reads archives from the blob store's stream.</summary>
    public IArchiveReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        LibArchiveNative.EnsureAvailable();
        return LibArchiveReader.Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1));
    }
}
