using System.Buffers.Binary;

namespace Stowage.Processing.Archives;

/// <summary>
/// Reads how many entries a zip's central directory declares, from the end-of-central-directory
/// record (APPNOTE.TXT 4.3.16) or, when that says 0xFFFF, the ZIP64 record its locator points at
/// (4.3.14, 4.3.15). Cheap (one tail read): it lets the entry-count limit act before the BCL reader
/// allocates an object per entry of a crafted directory.
/// </summary>
internal static class ZipDirectoryCount
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndRecordSize = 22;
    private const int MaxCommentLength = ushort.MaxValue;
    private const int Zip64LocatorSize = 20;
    private const int Zip64EndRecordSize = 56;

    /// <summary>The declared count, or null when no record is found (the reader then reports the damage).</summary>
    public static long? Read(Stream file)
    {
        var tailLength = (int)Math.Min(file.Length, EndRecordSize + MaxCommentLength);
        var tail = new byte[tailLength];
        file.Seek(file.Length - tailLength, SeekOrigin.Begin);
        file.ReadExactly(tail);
        file.Seek(0, SeekOrigin.Begin);

        for (var at = tailLength - EndRecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature)
            {
                continue;
            }

            var total = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            return total != ushort.MaxValue ? total : ReadZip64(file, tail, at);
        }

        return null;
    }

    private static long? ReadZip64(Stream file, byte[] tail, int endAt)
    {
        var locatorAt = endAt - Zip64LocatorSize;
        if (locatorAt < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locatorAt)) != Zip64LocatorSignature)
        {
            return ushort.MaxValue; // a plain zip that really has 65535 entries
        }

        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(locatorAt + 8));
        if (recordOffset < 0 || recordOffset > file.Length - Zip64EndRecordSize)
        {
            return null;
        }

        var record = new byte[Zip64EndRecordSize];
        file.Seek(recordOffset, SeekOrigin.Begin);
        file.ReadExactly(record);
        file.Seek(0, SeekOrigin.Begin);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature
            ? BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32))
            : null;
    }
}
