using System.Runtime.InteropServices;

namespace Stowage.Processing.Archives;

/// <summary>Owns a <c>struct archive*</c> from archive_read_new; released with archive_read_free.</summary>
internal sealed class LibArchiveHandle : SafeHandle
{
    public LibArchiveHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => LibArchiveNative.ReadFree(handle) == LibArchiveNative.Ok;
}
