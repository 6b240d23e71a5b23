using System.Diagnostics.CodeAnalysis;

namespace Stowage.Core.Checksums;

/// <summary>
/// How S3 names the checksums on the wire: <c>CRC32</c> … in <c>x-amz-sdk-checksum-algorithm</c> and
/// <c>x-amz-checksum-algorithm</c>, and <c>x-amz-checksum-crc32</c> … as the header (or trailer) carrying a
/// value (docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html, "Request Syntax").
/// </summary>
public static class ChecksumNames
{
    public const string HeaderPrefix = "x-amz-checksum-";

    /// <summary>The algorithm's name: CRC32, CRC32C, CRC64NVME, SHA1, SHA256.</summary>
    public static string Name(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => "CRC32",
        ChecksumAlgorithm.Crc32C => "CRC32C",
        ChecksumAlgorithm.Crc64Nvme => "CRC64NVME",
        ChecksumAlgorithm.Sha1 => "SHA1",
        ChecksumAlgorithm.Sha256 => "SHA256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an S3 checksum algorithm."),
    };

    /// <summary>The header carrying a value: <c>x-amz-checksum-crc32</c> and so on (lowercase).</summary>
    public static string HeaderName(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => "x-amz-checksum-crc32",
        ChecksumAlgorithm.Crc32C => "x-amz-checksum-crc32c",
        ChecksumAlgorithm.Crc64Nvme => "x-amz-checksum-crc64nvme",
        ChecksumAlgorithm.Sha1 => "x-amz-checksum-sha1",
        ChecksumAlgorithm.Sha256 => "x-amz-checksum-sha256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an S3 checksum algorithm."),
    };

    /// <summary>Reads CRC32, crc32c, … (case-insensitive).</summary>
    public static bool TryParseName([NotNullWhen(true)] string? name, out ChecksumAlgorithm algorithm)
    {
        foreach (var candidate in Enum.GetValues<ChecksumAlgorithm>())
        {
            if (string.Equals(name, Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="headerName"/> (any case) carries a checksum value, and of which algorithm.
    /// <c>x-amz-checksum-algorithm</c>, <c>-type</c> and <c>-mode</c> share the prefix but carry none.
    /// </summary>
    public static bool TryParseHeaderName([NotNullWhen(true)] string? headerName, out ChecksumAlgorithm algorithm)
    {
        algorithm = default;
        return headerName is not null
            && headerName.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase)
            && TryParseName(headerName[HeaderPrefix.Length..], out algorithm);
    }
}
