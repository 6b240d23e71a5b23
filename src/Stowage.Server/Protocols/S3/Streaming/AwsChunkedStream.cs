using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.Common;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// Decodes an aws-chunked body (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html and
/// sigv4-streaming-trailers.html) as a forward-only stream of the payload:
/// <c>&lt;hex size&gt;[;chunk-signature=&lt;64 hex&gt;]\r\n&lt;data&gt;\r\n</c> … <c>0[;chunk-signature=…]\r\n</c>, then trailer lines
/// <c>name:value\r\n</c> (a checksum, <c>x-amz-trailer-signature</c>) and a final <c>\r\n</c>.
/// The inner stream is the request body after HTTP de-chunking (Kestrel does that for Transfer-Encoding:
/// chunked), so aws chunk boundaries need not line up with reads. Chunk data is read straight into the
/// caller's buffer and hashed as it passes; signatures are checked at the end of each chunk, the trailer's
/// and the decoded length at the end of the body. Any failure throws <see cref="S3BodyException"/>: the
/// caller must then discard everything it read. The inner stream is not disposed.
/// </summary>
internal sealed partial class AwsChunkedStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly AwsChunkedOptions _options;
    private readonly ChunkSignatureChain? _chain;
    private readonly IncrementalHash? _chunkHash;
    private readonly byte[] _buffer = new byte[AwsChunkedLimits.BufferBytes];
    private readonly byte[] _claimedSignature = new byte[Core.S3.Signing.SigV4.SignatureHexLength];
    private int _start;
    private int _end;
    private State _state = State.ChunkHeader;
    private long _chunkRemaining;
    private long _decoded;
    private int _trailerBytes;
    private List<KeyValuePair<string, string>>? _trailers;
    private string? _trailerSignature;
    private ChecksumValue? _trailerChecksum;
    private S3BodyException? _failure;

    public AwsChunkedStream(Stream inner, AwsChunkedOptions options)
    {
        _inner = inner;
        _options = options;
        _chain = options.Signatures;
        _chunkHash = _chain is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    private enum State
    {
        ChunkHeader,
        ChunkData,
        ChunkEnd,
        Trailer,
        Done,
        Failed,
    }

    /// <summary>The checksum the trailer carried, once the body has been read to its end; null before or without one.</summary>
    public ChecksumValue? TrailerChecksum => _state == State.Done ? _trailerChecksum : null;

    /// <summary>Payload bytes returned so far.</summary>
    public long DecodedBytes => _decoded;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return 0;
                case State.Failed:
                    throw _failure!;
                case State.ChunkData when _start < _end:
                    return FinishIfComplete(TakeBuffered(buffer));
                case State.ChunkData:
                    var direct = buffer[..DirectLength(buffer.Length)];
                    return FinishIfComplete(TakeDirect(direct, _inner.Read(direct)));
                default:
                    Step();
                    break;
            }
        }
    }

    /// <summary>
    /// Fills as much of <paramref name="buffer"/> as the body gives, across chunks, and returns less only at
    /// the end of the body. Returning one chunk (or the buffered head of one) per read would hand the caller,
    /// which hashes and writes every read, an SDK's body in 8 KiB and 72 KiB pieces, two per 80 KiB chunk.
    /// </summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await ReadSomeAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>At most the rest of the current chunk (or what is buffered of it); 0 only at the end of the body.</summary>
    private async ValueTask<int> ReadSomeAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return 0;
                case State.Failed:
                    throw _failure!;
                case State.ChunkData when _start < _end:
                    return await FinishIfCompleteAsync(TakeBuffered(buffer.Span), cancellationToken).ConfigureAwait(false);
                case State.ChunkData:
                    var direct = buffer[..DirectLength(buffer.Length)];
                    var read = await _inner.ReadAsync(direct, cancellationToken).ConfigureAwait(false);
                    return await FinishIfCompleteAsync(TakeDirect(direct.Span, read), cancellationToken).ConfigureAwait(false);
                default:
                    await StepAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Parses what is buffered, or reads more when that is not enough.</summary>
    private void Step()
    {
        if (!Parse())
        {
            Filled(_inner.Read(FreeSpace().Span));
        }
    }

    private async ValueTask StepAsync(CancellationToken cancellationToken)
    {
        if (!Parse())
        {
            Filled(await _inner.ReadAsync(FreeSpace(), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Once the declared payload has been delivered, finishes the body (last chunk's signature, final chunk,
    /// trailer and its signature) before handing back those last bytes: a caller that stops reading at
    /// x-amz-decoded-content-length, without the read that returns 0, still gets nothing unverified, and the
    /// trailer's checksum is known when the last byte is.
    /// </summary>
    private int FinishIfComplete(int count)
    {
        while (_decoded == _options.DecodedLength && _state is not (State.Done or State.Failed))
        {
            if (_state == State.ChunkData)
            {
                throw Fail(Incomplete($"the chunks carry more than the {_options.DecodedLength} bytes of x-amz-decoded-content-length"));
            }

            Step();
        }

        return count;
    }

    private async ValueTask<int> FinishIfCompleteAsync(int count, CancellationToken cancellationToken)
    {
        while (_decoded == _options.DecodedLength && _state is not (State.Done or State.Failed))
        {
            if (_state == State.ChunkData)
            {
                throw Fail(Incomplete($"the chunks carry more than the {_options.DecodedLength} bytes of x-amz-decoded-content-length"));
            }

            await StepAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int DirectLength(int length) => (int)Math.Min(length, _chunkRemaining);

    private int TakeBuffered(Span<byte> destination)
    {
        var count = (int)Math.Min(Math.Min(destination.Length, _end - _start), _chunkRemaining);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        Consume(destination[..count]);
        return count;
    }

    private int TakeDirect(Span<byte> destination, int read)
    {
        if (read == 0)
        {
            throw Fail(Incomplete($"the body ended inside a chunk, {_chunkRemaining} bytes short"));
        }

        Consume(destination[..read]);
        return read;
    }

    private void Consume(ReadOnlySpan<byte> data)
    {
        _chunkHash?.AppendData(data);
        _chunkRemaining -= data.Length;
        _decoded += data.Length;
        if (_decoded > _options.DecodedLength)
        {
            throw Fail(Incomplete($"the chunks carry more than the {_options.DecodedLength} bytes of x-amz-decoded-content-length"));
        }

        if (_chunkRemaining == 0)
        {
            _state = State.ChunkEnd;
        }
    }

    /// <summary>The free end of the buffer, after moving unparsed bytes to its start.</summary>
    private Memory<byte> FreeSpace()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Unreachable: Parse consumes or rejects any line before it fills the buffer (MaxLineBytes < BufferBytes).
            throw Fail(Framing("a line does not fit the decoder's buffer"));
        }

        return _buffer.AsMemory(_end);
    }

    private void Filled(int read)
    {
        if (read > 0)
        {
            _end += read;
            return;
        }

        // Lenient on one point: a body without trailers that stops right after the final chunk's line (its
        // signature already checked) lost nothing but the closing CRLF.
        if (_state == State.Trailer && !_options.ExpectTrailer && _trailerBytes == 0 && _start == _end)
        {
            Finish();
            return;
        }

        throw Fail(Incomplete(_state == State.Trailer ? "the body ended inside the trailer" : "the body ended before the final 0-size chunk"));
    }

    private S3BodyException Fail(S3BodyException failure)
    {
        _state = State.Failed;
        _failure = failure;
        return failure;
    }
}
