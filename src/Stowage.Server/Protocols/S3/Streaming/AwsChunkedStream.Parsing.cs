using System.Text;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>The framing: chunk-size lines, the CRLF after each chunk, trailer lines, and what ends the body.</summary>
internal sealed partial class AwsChunkedStream
{
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    /// <summary>Parses what the buffer holds for the current state; false when it needs more bytes.</summary>
    private bool Parse()
    {
        switch (_state)
        {
            case State.ChunkHeader:
                if (!TryTakeLine(out var header))
                {
                    return false;
                }

                ParseChunkHeader(header);
                return true;

            case State.ChunkEnd:
                if (_end - _start < 2)
                {
                    return false;
                }

                if (_buffer[_start] != '\r' || _buffer[_start + 1] != '\n')
                {
                    throw Fail(Framing("a chunk's data is not followed by CRLF (wrong chunk size?)"));
                }

                _start += 2;
                VerifyChunk();
                _state = State.ChunkHeader;
                return true;

            case State.Trailer:
                if (!TryTakeLine(out var line))
                {
                    return false;
                }

                _trailerBytes += line.Length + 2;
                if (_trailerBytes > AwsChunkedLimits.MaxTrailerBytes)
                {
                    throw Fail(Framing($"the trailer is longer than {AwsChunkedLimits.MaxTrailerBytes} bytes"));
                }

                if (line.IsEmpty)
                {
                    Finish();
                }
                else
                {
                    ParseTrailerLine(line);
                }

                return true;

            default:
                throw new InvalidOperationException($"Nothing to parse in state {_state}.");
        }
    }

    /// <summary>Takes one CRLF-terminated line (without the CRLF) from the buffer.</summary>
    private bool TryTakeLine(out ReadOnlySpan<byte> line)
    {
        var available = _buffer.AsSpan(_start, _end - _start);
        var lf = available[..Math.Min(available.Length, AwsChunkedLimits.MaxLineBytes)].IndexOf((byte)'\n');
        if (lf < 0)
        {
            if (available.Length >= AwsChunkedLimits.MaxLineBytes)
            {
                throw Fail(Framing($"a line is longer than {AwsChunkedLimits.MaxLineBytes} bytes"));
            }

            line = default;
            return false;
        }

        if (lf == 0 || available[lf - 1] != '\r')
        {
            throw Fail(Framing("a line does not end with CRLF"));
        }

        line = available[..(lf - 1)];
        _start += lf + 1;
        return true;
    }

    private void ParseChunkHeader(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var size = ParseSize(semicolon < 0 ? line : line[..semicolon]);
        if (_chain is not null)
        {
            var signature = semicolon < 0 ? default : FindSignature(line[(semicolon + 1)..]);
            if (signature.Length != _claimedSignature.Length)
            {
                throw Fail(SignatureMismatch("a chunk of a signed aws-chunked body has no valid chunk-signature"));
            }

            signature.CopyTo(_claimedSignature);
        }

        if (size > 0)
        {
            _chunkRemaining = size;
            _state = State.ChunkData;
            return;
        }

        // The final chunk: its signature covers the empty data.
        VerifyChunk();
        _state = State.Trailer;
    }

    private long ParseSize(ReadOnlySpan<byte> text)
    {
        text = text.Trim((byte)' ');
        if (text.IsEmpty)
        {
            throw Fail(Framing("a chunk-size line has no size"));
        }

        var limit = _chain is null ? AwsChunkedLimits.MaxUnsignedChunkBytes : AwsChunkedLimits.MaxChunkBytes;
        long size = 0;
        foreach (var c in text)
        {
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                throw Fail(Framing("a chunk size is not hexadecimal"));
            }

            size = (size * 16) + digit;
            if (size > limit)
            {
                throw Fail(Framing($"a {(_chain is null ? "chunk" : "signed chunk")} is larger than {limit} bytes"));
            }
        }

        return size;
    }

    private static ReadOnlySpan<byte> FindSignature(ReadOnlySpan<byte> extensions)
    {
        foreach (var range in extensions.Split((byte)';'))
        {
            var extension = extensions[range].Trim((byte)' ');
            if (extension.StartsWith(ChunkSignatureExtension))
            {
                return extension[ChunkSignatureExtension.Length..];
            }
        }

        return default;
    }

    private void VerifyChunk()
    {
        if (_chain is null)
        {
            return;
        }

        Span<byte> hash = stackalloc byte[32];
        _chunkHash!.GetHashAndReset(hash);
        if (!_chain.VerifyChunk(hash, _claimedSignature))
        {
            throw Fail(SignatureMismatch($"the signature of the chunk ending at payload byte {_decoded} does not match"));
        }
    }

    private void ParseTrailerLine(ReadOnlySpan<byte> line)
    {
        if (!_options.ExpectTrailer)
        {
            throw Fail(Framing("trailer lines follow the final chunk, but x-amz-content-sha256 announced no trailer"));
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            throw Fail(Framing("a trailer line is not name:value"));
        }

        var name = Encoding.ASCII.GetString(line[..colon]).Trim().ToLowerInvariant();
        var value = Encoding.ASCII.GetString(line[(colon + 1)..]).Trim();
        if (name == TrailerSignatureName)
        {
            if (_trailerSignature is not null)
            {
                throw Fail(Framing("the trailer has two x-amz-trailer-signature lines"));
            }

            _trailerSignature = value;
            return;
        }

        if (!ChecksumNames.TryParseHeaderName(name, out var algorithm) || algorithm != _options.DeclaredTrailer)
        {
            throw Fail(new S3BodyException(S3AuthFailures.Message(
                StowageErrors.InvalidRequest,
                $"The trailer {name} was not declared in x-amz-trailer.")));
        }

        if (_trailerChecksum is not null)
        {
            throw Fail(Framing($"the trailer has {name} twice"));
        }

        var checksum = new ChecksumValue(algorithm, value);
        if (ChecksumFormat.Validate(checksum) is { } invalid)
        {
            throw Fail(new S3BodyException(invalid));
        }

        _trailerChecksum = checksum;
        (_trailers ??= []).Add(new(name, value));
    }

    /// <summary>The end of the body: the declared trailer arrived (and its signature matches), and the length is right.</summary>
    private void Finish()
    {
        if (_options.ExpectTrailer)
        {
            if (_options.DeclaredTrailer is { } declared && _trailerChecksum is null)
            {
                throw Fail(Incomplete($"the trailer {ChecksumNames.HeaderName(declared)} announced in x-amz-trailer did not arrive"));
            }

            if (_chain is not null)
            {
                if (_trailerSignature is null)
                {
                    throw Fail(SignatureMismatch("the trailer of a signed aws-chunked body has no x-amz-trailer-signature"));
                }

                var canonical = SigV4Signer.CanonicalTrailer(_trailers ?? []);
                if (!_chain.VerifyTrailer(canonical, Encoding.ASCII.GetBytes(_trailerSignature)))
                {
                    throw Fail(SignatureMismatch("the trailer signature does not match"));
                }
            }
        }

        if (_decoded != _options.DecodedLength)
        {
            throw Fail(Incomplete($"the chunks carry {_decoded} bytes but x-amz-decoded-content-length is {_options.DecodedLength}"));
        }

        if (_start != _end)
        {
            throw Fail(Framing("bytes follow the end of the aws-chunked body"));
        }

        _state = State.Done;
    }

    private static ReadOnlySpan<byte> ChunkSignatureExtension => "chunk-signature="u8;

    private static S3BodyException Framing(string detail) =>
        new(S3AuthFailures.Message(StowageErrors.InvalidRequest, $"Invalid aws-chunked body: {detail}."));

    private static S3BodyException Incomplete(string detail) =>
        new(S3AuthFailures.Message(StowageErrors.IncompleteBody, $"{S3Errors.WireOf(StowageErrors.IncompleteBody).Message} The aws-chunked body is incomplete: {detail}."));

    private static S3BodyException SignatureMismatch(string detail) =>
        new(Failure.Because(S3Errors.SignatureDoesNotMatch, $"{S3Errors.SignatureDoesNotMatch.Message} ({detail}.)"));
}
