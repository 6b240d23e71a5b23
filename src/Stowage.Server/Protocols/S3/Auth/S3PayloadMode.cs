namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// What <c>x-amz-content-sha256</c> says about the body
/// (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html).
/// </summary>
internal enum S3PayloadMode
{
    /// <summary>A hex SHA-256 of the body: verified when the body ends.</summary>
    Sha256,

    /// <summary>UNSIGNED-PAYLOAD: the body as is.</summary>
    Unsigned,

    /// <summary>STREAMING-AWS4-HMAC-SHA256-PAYLOAD: aws-chunked, every chunk signed, no trailer.</summary>
    StreamingSigned,

    /// <summary>STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: aws-chunked, chunks and trailer signed.</summary>
    StreamingSignedTrailer,

    /// <summary>STREAMING-UNSIGNED-PAYLOAD-TRAILER: aws-chunked without signatures, with a trailer.</summary>
    StreamingUnsignedTrailer,
}
