using System.IO.Hashing;
using Stowage.Core.Common;

namespace Stowage.Processing.Archives;

/// <summary>
/// Passes an entry's decompressed bytes through and, at their end, compares their CRC-32 (APPNOTE.TXT 4.4.7:
/// ISO 3309 / ITU-T V.42, System.IO.Hashing's <see cref="Crc32"/>) with the one the central directory records. The
/// BCL's zip reader does not, so without this a flipped byte in stored (or still-inflatable) data would be unpacked
/// silently. Only a complete read can be checked.
/// </summary>
internal sealed class CrcCheckingStream(Stream inner, uint expectedCrc, string entryName) : PassThroughStream(inner)
{
    private readonly Crc32 _crc = new();
    private bool _checked;

    protected override void OnRead(ReadOnlySpan<byte> data, bool endOfStream)
    {
        if (!data.IsEmpty)
        {
            _crc.Append(data);
        }
        else if (endOfStream && !_checked)
        {
            _checked = true;
            var actual = _crc.GetCurrentHashAsUInt32();
            if (actual != expectedCrc)
            {
                throw new InvalidDataException($"The data of '{entryName}' does not match its CRC-32 (expected {expectedCrc:x8}, got {actual:x8}).");
            }
        }
    }
}
