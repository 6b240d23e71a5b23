using System.IO.Hashing;

namespace Stowage.Core.Checksums;

/// <summary>
/// The CRC of a concatenation from the CRCs of its pieces and their lengths (zlib's crc32_combine): the
/// full-object CRC of a multipart object from its parts' CRCs, without reading a byte. S3 calls this a
/// FULL_OBJECT checksum (docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
/// System.IO.Hashing computes CRCs but cannot combine them, so this stays ours.
/// </summary>
public static class CrcCombine
{
    internal static readonly CrcCombiner Crc32Combiner = CrcCombiner.For(Crc32ParameterSet.Crc32);
    internal static readonly CrcCombiner Crc32CCombiner = CrcCombiner.For(Crc32ParameterSet.Crc32C);
    internal static readonly CrcCombiner Crc64NvmeCombiner = CrcCombiner.For(Crc64ParameterSet.Nvme);

    /// <summary>crc32(A + B) from crc32(A), crc32(B) and B's length in bytes.</summary>
    public static uint Crc32(uint crc1, uint crc2, long length2) => (uint)Crc32Combiner.Combine(crc1, crc2, length2);

    /// <summary>crc32c(A + B) from crc32c(A), crc32c(B) and B's length in bytes.</summary>
    public static uint Crc32C(uint crc1, uint crc2, long length2) => (uint)Crc32CCombiner.Combine(crc1, crc2, length2);

    /// <summary>crc64nvme(A + B) from crc64nvme(A), crc64nvme(B) and B's length in bytes.</summary>
    public static ulong Crc64Nvme(ulong crc1, ulong crc2, long length2) => Crc64NvmeCombiner.Combine(crc1, crc2, length2);

    /// <summary>
    /// The same on S3's wire form (the big-endian digest) for any of the three CRC algorithms: the checksum of
    /// A + B from the digests of A and B. SHA-1 and SHA-256 cannot be combined (NotSupportedException).
    /// </summary>
    public static byte[] Digests(ChecksumAlgorithm algorithm, ReadOnlySpan<byte> digest1, ReadOnlySpan<byte> digest2, long length2)
    {
        var length = ChecksumFormat.DigestLength(algorithm);
        if (digest1.Length != length || digest2.Length != length)
        {
            throw new ArgumentException($"A {algorithm} digest has {length} bytes.");
        }

        var result = new byte[length];
        switch (algorithm)
        {
            case ChecksumAlgorithm.Crc32:
                CrcDigest.Write32(result, Crc32(CrcDigest.Read32(digest1), CrcDigest.Read32(digest2), length2));
                break;
            case ChecksumAlgorithm.Crc32C:
                CrcDigest.Write32(result, Crc32C(CrcDigest.Read32(digest1), CrcDigest.Read32(digest2), length2));
                break;
            case ChecksumAlgorithm.Crc64Nvme:
                CrcDigest.Write64(result, Crc64Nvme(CrcDigest.Read64(digest1), CrcDigest.Read64(digest2), length2));
                break;
            default:
                throw new NotSupportedException($"{algorithm} digests cannot be combined.");
        }

        return result;
    }
}
