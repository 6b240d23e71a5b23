namespace Stowage.Core.Checksums;

/// <summary>
/// The additional checksums S3 knows (docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
/// On the wire each is the base64 of the big-endian digest, in <c>x-amz-checksum-&lt;name&gt;</c>.
/// </summary>
public enum ChecksumAlgorithm
{
    Crc32,
    Crc32C,
    Crc64Nvme,
    Sha1,
    Sha256,
}
