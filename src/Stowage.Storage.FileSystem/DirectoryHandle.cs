using Microsoft.Win32.SafeHandles;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// An open directory (O_RDONLY | O_DIRECTORY), used as the anchor of openat(2): a composite object's parts
/// are opened relative to the directory the reader opened, never by path, so a reader whose composite is
/// replaced meanwhile fails instead of reading parts of the new one.
/// </summary>
internal sealed class DirectoryHandle : SafeHandleMinusOneIsInvalid
{
    public DirectoryHandle(int fd)
        : base(ownsHandle: true) => SetHandle(fd);

    protected override bool ReleaseHandle() => LibC.Close((int)handle) == 0;
}
