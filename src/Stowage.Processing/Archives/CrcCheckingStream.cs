using Stowage.Core.Common;

namespace Stowage.Processing.Archives;

/// <summary>
/// Passes an entry's decompressed bytes through and, at their end, compares their CRC-32 with the one the
/// central directory records. The BCL's zip reader does not, so without this a flipped byte in stored
/// (or still-inflatable) data would be unpacked silently. Only a complete read can be checked.
/// </summary>
internal sealed class CrcCheckingStream(Stream inner, uint expectedCrc, string entryName) : PassThroughStream(inner)
{
    private uint _crc;
    private bool _checked;

    protected override void OnRead(ReadOnlySpan<byte> data, bool endOfStream)
    {
        if (!data.IsEmpty)
        {
            _crc = Crc32.Append(_crc, data);
        }
        else if (endOfStream && !_checked)
        {
            _checked = true;
            if (_crc != expectedCrc)
            {
                throw new InvalidDataException($"The data of '{entryName}' does not match its CRC-32 (expected {expectedCrc:x8}, got {_crc:x8}).");
            }
        }
    }
}
