using System.Runtime.InteropServices;

namespace Stowage.Core.Checksums;

/// <summary>
/// CRC32 by the runtime's own zlib-ng (shipped as libSystem.IO.Compression.Native, export
/// <c>CompressionNative_Crc32</c>), which folds with PCLMULQDQ/VPCLMULQDQ: about four times System.IO.Hashing's
/// speed here (see <see cref="Crc32Checksum"/>). Used only when the export resolves (<see cref="IsAvailable"/>);
/// System.IO.Hashing computes it otherwise.
/// </summary>
internal static partial class Crc32Native
{
    private const string Library = "libSystem.IO.Compression.Native";
    private const string EntryPoint = "CompressionNative_Crc32";

    public static bool IsAvailable { get; } = Probe();

    /// <summary>zlib's crc32(): continues <paramref name="crc"/> (0 to start) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) =>
        data.IsEmpty ? crc : Crc32(crc, ref MemoryMarshal.GetReference(data), data.Length);

    // ref byte instead of byte*: the project does not allow unsafe code, and a ref to a span's first
    // element is pinned for the call just the same.
    [DllImport(Library, EntryPoint = EntryPoint, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    private static extern uint Crc32(uint crc, ref byte buffer, int length);

    private static bool Probe()
    {
        try
        {
            if (!NativeLibrary.TryLoad(Library, typeof(Crc32Native).Assembly, null, out var handle)
                || !NativeLibrary.TryGetExport(handle, EntryPoint, out _))
            {
                return false;
            }

            // The check value of CRC-32/ISO-HDLC: proves the export is the CRC we mean, and that the
            // DllImport itself (not just NativeLibrary) resolves.
            return Append(0, "123456789"u8) == 0xCBF43926;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }
}
