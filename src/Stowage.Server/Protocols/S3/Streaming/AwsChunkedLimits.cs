namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// Bounds of the aws-chunked framing (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html), so a
/// malformed or hostile body costs neither memory nor unbounded parsing.
/// </summary>
internal static class AwsChunkedLimits
{
    /// <summary>
    /// Longest chunk-size line or trailer line, CRLF included. A real one is at most 16 hex digits +
    /// ";chunk-signature=" + 64 hex ≈ 100 bytes; 4 KiB is minio's limit for the same line (maxLineLength).
    /// </summary>
    public const int MaxLineBytes = 4096;

    /// <summary>
    /// Largest chunk. SDKs send 64 KiB (JS v3, reference/s3-wire), 80 KiB (AWSSDK.S3 4.0) and 1 MiB (boto3
    /// 1.43 unsigned parts); S3 only sets a minimum (8 KiB except the last). Data is streamed through, never
    /// buffered per chunk, so this bounds only how much unverified data passes before a signature is checked:
    /// it applies to signed chunks.
    /// </summary>
    public const int MaxChunkBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Largest unsigned chunk (STREAMING-UNSIGNED-PAYLOAD-TRAILER). AWSSDK.S3 with DisablePayloadSigning sends
    /// the whole body as one chunk, so only S3's largest object (5 GiB; S3Options bounds the object itself)
    /// limits it; this bound only keeps the hex parser from overflowing.
    /// </summary>
    public const long MaxUnsignedChunkBytes = 1L << 40;

    /// <summary>Largest trailer section: a checksum line and a trailer signature are under 200 bytes.</summary>
    public const int MaxTrailerBytes = 16 * 1024;

    /// <summary>The decoder's own buffer: holds any one line, and takes the first bytes of a chunk with its header.</summary>
    public const int BufferBytes = 8 * 1024;
}
