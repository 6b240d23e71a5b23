using Stowage.Core.Checksums;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// How to decode one aws-chunked body: the declared decoded length (x-amz-decoded-content-length), the
/// signature chain when chunks are signed (null for STREAMING-UNSIGNED-PAYLOAD-TRAILER), whether trailer
/// lines follow the final chunk, and the checksum trailer declared in x-amz-trailer.
/// </summary>
internal sealed record AwsChunkedOptions(long DecodedLength, ChunkSignatureChain? Signatures, bool ExpectTrailer, ChecksumAlgorithm? DeclaredTrailer);
