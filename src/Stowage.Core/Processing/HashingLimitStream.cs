using System.Security.Cryptography;
using Stowage.Core.Common;

namespace Stowage.Core.Processing;

/// <summary>
/// A read-through stream that hashes (SHA-256) and counts what passes, and throws a
/// <see cref="ProcessingException"/> once more than <see cref="Limit"/> bytes went through: sizes from
/// archive headers or remote servers are never trusted, only bytes actually read.
/// </summary>
internal sealed class HashingLimitStream(Stream inner, long limit, string limitCode, string limitMessage, string? file = null) : PassThroughStream(inner)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Limit { get; } = limit;

    public long BytesRead { get; private set; }

    public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    protected override void OnRead(ReadOnlySpan<byte> data, bool endOfStream)
    {
        BytesRead += data.Length;
        if (BytesRead > Limit)
        {
            throw new ProcessingException(limitCode, limitMessage, file);
        }

        _hash.AppendData(data);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
