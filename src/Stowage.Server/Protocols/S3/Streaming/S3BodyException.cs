using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// Thrown by the request body streams of the S3 endpoint (aws-chunked decoding, payload SHA-256 check) when
/// the bytes prove unacceptable: the caller must discard everything read so far. An
/// <see cref="S3ContentException"/>, so the core's object writes treat it like their own content failures.
/// </summary>
internal sealed class S3BodyException(Failure failure) : S3ContentException(failure);
