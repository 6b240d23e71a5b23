using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Core.Checksums;

/// <summary>
/// Whether a checksum value is well formed: base64 of exactly the digest's length. S3 answers a malformed
/// one with InvalidDigest (400) before looking at the data, and a wrong one with BadDigest.
/// </summary>
public static class ChecksumFormat
{
    public static int DigestLength(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C => 4,
        ChecksumAlgorithm.Crc64Nvme => 8,
        ChecksumAlgorithm.Sha1 => 20,
        ChecksumAlgorithm.Sha256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an S3 checksum algorithm."),
    };

    /// <summary>The digest bytes, when <paramref name="base64"/> is canonical base64 of the right length.</summary>
    public static bool TryDecode(ChecksumAlgorithm algorithm, string? base64, out byte[] digest)
    {
        digest = [];
        var length = DigestLength(algorithm);
        if (base64 is null || base64.Length != (length + 2) / 3 * 4)
        {
            return false;
        }

        var buffer = new byte[length + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written != length)
        {
            return false;
        }

        digest = buffer[..length];

        // Canonical only: "AAAAAB==" decodes to the same 4 bytes as "AAAAAA==" but is not what any client sends.
        return string.Equals(Convert.ToBase64String(digest), base64, StringComparison.Ordinal);
    }

    public static bool IsWellFormed(ChecksumValue value) => TryDecode(value.Algorithm, value.Base64, out _);

    /// <summary>Null when well formed; otherwise InvalidDigest naming the header, as S3 does.</summary>
    public static Failure? Validate(ChecksumValue value) =>
        IsWellFormed(value)
            ? null
            : Failure.Because(StowageErrors.InvalidChecksum, $"Value for {ChecksumNames.HeaderName(value.Algorithm)} header is invalid.");
}
