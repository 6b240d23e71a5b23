namespace Stowage.Core.S3.Signing;

/// <summary>
/// The fixed strings of Signature Version 4 for S3
/// (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html).
/// </summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The algorithm line of a chunk's string-to-sign (sigv4-streaming.html).</summary>
    public const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>The algorithm line of the trailer's string-to-sign (sigv4-streaming-trailers.html).</summary>
    public const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

    public const string Terminator = "aws4_request";

    public const string Service = "s3";

    /// <summary>x-amz-content-sha256 values other than a hex digest (sigv4-auth-using-authorization-header.html).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public const string StreamingSignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    public const string StreamingSignedPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>SHA-256 of nothing, hex.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>X-Amz-Expires may be at most 7 days (sigv4-query-string-auth.html).</summary>
    public const int MaxPresignedSeconds = 7 * 24 * 3600;

    /// <summary>Length of a signature in hex.</summary>
    public const int SignatureHexLength = 64;

    // Query parameters of a presigned URL (sigv4-query-string-auth.html).
    public const string QueryAlgorithm = "X-Amz-Algorithm";
    public const string QueryCredential = "X-Amz-Credential";
    public const string QueryDate = "X-Amz-Date";
    public const string QueryExpires = "X-Amz-Expires";
    public const string QuerySignedHeaders = "X-Amz-SignedHeaders";
    public const string QuerySignature = "X-Amz-Signature";
    public const string QuerySecurityToken = "X-Amz-Security-Token";
    public const string QueryContentSha256 = "X-Amz-Content-Sha256";
}
