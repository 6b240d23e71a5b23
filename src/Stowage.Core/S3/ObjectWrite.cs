using Stowage.Core.Checksums;

namespace Stowage.Core.S3;

/// <summary>
/// What a PutObject or UploadPart asks of the core besides the bytes: the stored representation headers
/// (lowercase names), the Content-MD5 to verify (raw 16 bytes), a checksum algorithm to compute, and the
/// checksum to verify, which may only be known once the body has ended (an aws-chunked trailer), hence a callback.
/// </summary>
public sealed record ObjectWrite(
    IReadOnlyDictionary<string, string> Headers,
    byte[]? ContentMd5,
    ChecksumAlgorithm? ComputeChecksum,
    Func<ChecksumValue?>? ExpectedChecksum)
{
    public static ObjectWrite Plain { get; } = new(new Dictionary<string, string>(), null, null, null);
}
