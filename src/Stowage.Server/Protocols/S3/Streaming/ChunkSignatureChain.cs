using System.Security.Cryptography;
using System.Text;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Protocols.S3.Streaming;

/// <summary>
/// Verifies the chained signatures of a signed aws-chunked body: each chunk's signature is an HMAC over
/// <c>AWS4-HMAC-SHA256-PAYLOAD\n&lt;timestamp&gt;\n&lt;scope&gt;\n&lt;previous signature&gt;\n&lt;sha256("")&gt;\n&lt;sha256(chunk)&gt;</c>, the
/// first chained from the request's own (seed) signature, and the trailer's over
/// <c>AWS4-HMAC-SHA256-TRAILER\n…\n&lt;last chunk's signature&gt;\n&lt;sha256(trailer)&gt;</c>
/// (sigv4-streaming.html, sigv4-streaming-trailers.html). The message buffer is built once: no allocation per chunk.
/// </summary>
internal sealed class ChunkSignatureChain
{
    private const int Hex = SigV4.SignatureHexLength;

    private readonly byte[] _signingKey;
    private readonly byte[] _chunkMessage;
    private readonly int _chunkPrevious;
    private readonly int _chunkHash;
    private readonly byte[] _trailerPrefix;
    private readonly byte[] _previous = new byte[Hex];
    private readonly byte[] _expected = new byte[Hex];
    private readonly byte[] _claimed = new byte[Hex];

    public ChunkSignatureChain(byte[] signingKey, string amzTimestamp, SigV4Scope scope, string seedSignature)
    {
        _signingKey = signingKey;
        var prefix = $"{SigV4.ChunkAlgorithm}\n{amzTimestamp}\n{scope}\n";
        var fixedPart = Encoding.ASCII.GetBytes(prefix);
        _chunkMessage = new byte[fixedPart.Length + Hex + 1 + Hex + 1 + Hex];
        fixedPart.CopyTo(_chunkMessage, 0);
        _chunkPrevious = fixedPart.Length;
        _chunkMessage[_chunkPrevious + Hex] = (byte)'\n';
        Encoding.ASCII.GetBytes(SigV4.EmptySha256).CopyTo(_chunkMessage, _chunkPrevious + Hex + 1);
        _chunkMessage[_chunkPrevious + Hex + 1 + Hex] = (byte)'\n';
        _chunkHash = _chunkPrevious + Hex + 1 + Hex + 1;
        _trailerPrefix = Encoding.ASCII.GetBytes($"{SigV4.TrailerAlgorithm}\n{amzTimestamp}\n{scope}\n");
        Encoding.ASCII.GetBytes(seedSignature.ToLowerInvariant()).AsSpan(0, Hex).CopyTo(_previous);
    }

    /// <summary>The signature the next chunk chains from (lowercase hex).</summary>
    public string Previous => Encoding.ASCII.GetString(_previous);

    /// <summary>Checks a chunk's claimed signature (hex) against its data's SHA-256; on success it becomes the previous one.</summary>
    public bool VerifyChunk(ReadOnlySpan<byte> chunkSha256, ReadOnlySpan<byte> claimedHex)
    {
        _previous.CopyTo(_chunkMessage, _chunkPrevious);
        WriteHex(chunkSha256, _chunkMessage.AsSpan(_chunkHash, Hex));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_signingKey, _chunkMessage, mac);
        return Accept(mac, claimedHex);
    }

    /// <summary>Checks the trailer signature over the canonical trailer (<see cref="SigV4Signer.CanonicalTrailer"/>).</summary>
    public bool VerifyTrailer(string canonicalTrailer, ReadOnlySpan<byte> claimedHex)
    {
        var trailerHash = SHA256.HashData(Encoding.UTF8.GetBytes(canonicalTrailer));
        var message = new byte[_trailerPrefix.Length + Hex + 1 + Hex];
        _trailerPrefix.CopyTo(message, 0);
        _previous.CopyTo(message, _trailerPrefix.Length);
        message[_trailerPrefix.Length + Hex] = (byte)'\n';
        WriteHex(trailerHash, message.AsSpan(_trailerPrefix.Length + Hex + 1, Hex));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_signingKey, message, mac);
        return Accept(mac, claimedHex);
    }

    private bool Accept(ReadOnlySpan<byte> mac, ReadOnlySpan<byte> claimedHex)
    {
        WriteHex(mac, _expected);
        if (claimedHex.Length != Hex)
        {
            return false;
        }

        for (var i = 0; i < Hex; i++)
        {
            var c = claimedHex[i];
            _claimed[i] = c is >= (byte)'A' and <= (byte)'F' ? (byte)(c | 0x20) : c;
        }

        if (!CryptographicOperations.FixedTimeEquals(_expected, _claimed))
        {
            return false;
        }

        _expected.CopyTo(_previous, 0);
        return true;
    }

    private static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }
    }
}
