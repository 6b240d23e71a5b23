using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Stowage.Core.Tests.S3;

/// <summary>The digests S3 is defined with, computed independently of the code under test.</summary>
[SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "S3 defines Content-MD5, ETags and the SHA1 checksum with them.")]
[SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 defines Content-MD5, ETags and the SHA1 checksum with them.")]
internal static class S3Digests
{
    public static byte[] Md5(byte[] data) => MD5.HashData(data);

    public static string Md5Hex(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    public static byte[] Sha1(byte[] data) => SHA1.HashData(data);

    /// <summary>S3's multipart ETag computed here independently: MD5 over the parts' raw MD5s, hex, "-N".</summary>
    public static string MultipartETag(params byte[][] parts) =>
        Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(MD5.HashData).ToArray())) + "-" + parts.Length;
}
