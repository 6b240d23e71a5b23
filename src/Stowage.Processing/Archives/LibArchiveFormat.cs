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

    public IArchiveReader Open(string localPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        LibArchiveNative.EnsureAvailable();
        return LibArchiveReader.Open(localPath);
    }
}
