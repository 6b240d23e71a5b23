using Stowage.Core.Checksums;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// The body of an authenticated request, ready to read.
/// </summary>
/// <param name="Content">
/// The decoded payload: for a hex x-amz-content-sha256 the raw body, checked against the digest at its end;
/// for UNSIGNED-PAYLOAD (and SigV2) the raw body; for the STREAMING-* modes the aws-chunked decoder. It throws
/// <see cref="Streaming.S3BodyException"/> when the bytes prove bad: discard everything read then.
/// </param>
/// <param name="DecodedLength">Content-Length, or x-amz-decoded-content-length for aws-chunked; null when unknown.</param>
/// <param name="HeaderChecksum">The value of an <c>x-amz-checksum-*</c> header (well formed), if any.</param>
/// <param name="TrailerChecksum">The aws-chunked trailer's checksum, once <paramref name="Content"/> has been read to its end.</param>
/// <param name="Algorithm">The checksum to compute: from the checksum header, x-amz-trailer, or x-amz-sdk-checksum-algorithm.</param>
internal sealed record S3RequestBody(
    Stream Content,
    long? DecodedLength,
    ChecksumValue? HeaderChecksum,
    Func<ChecksumValue?> TrailerChecksum,
    ChecksumAlgorithm? Algorithm);
