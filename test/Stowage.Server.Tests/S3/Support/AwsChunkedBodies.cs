using System.Security.Cryptography;
using System.Text;
using Stowage.Core.Checksums;
using Stowage.Core.S3.Signing;

namespace Stowage.Server.Tests.S3.Support;

/// <summary>Encodes payloads as aws-chunked bodies, the way the SDKs do (reference/s3-wire/SUMMARY.md, "Verbatim examples").</summary>
internal static class AwsChunkedBodies
{
    /// <summary>Signed chunks chained from <paramref name="seed"/>; with a trailer checksum, the trailer and its signature.</summary>
    public static byte[] Signed(
        byte[] payload,
        int chunkSize,
        byte[] signingKey,
        string timestamp,
        SigV4Scope scope,
        string seed,
        ChecksumValue? trailer = null)
    {
        var body = new MemoryStream();
        var previous = seed;
        foreach (var chunk in Chunks(payload, chunkSize).Append(ReadOnlyMemory<byte>.Empty))
        {
            previous = SigV4Signer.Sign(
                signingKey,
                SigV4Signer.ChunkStringToSign(timestamp, scope, previous, Convert.ToHexStringLower(SHA256.HashData(chunk.Span))));
            Write(body, $"{chunk.Length:x};chunk-signature={previous}\r\n");
            if (!chunk.IsEmpty)
            {
                body.Write(chunk.Span);
                Write(body, "\r\n");
            }
        }

        if (trailer is not null)
        {
            var name = ChecksumNames.HeaderName(trailer.Algorithm);
            var canonical = SigV4Signer.CanonicalTrailer([new(name, trailer.Base64)]);
            Write(body, $"{name}:{trailer.Base64}\r\n");
            Write(body, $"x-amz-trailer-signature:{SigV4Signer.Sign(signingKey, SigV4Signer.TrailerStringToSign(timestamp, scope, previous, canonical))}\r\n");
        }

        Write(body, "\r\n");
        return body.ToArray();
    }

    /// <summary>Unsigned chunks (STREAMING-UNSIGNED-PAYLOAD-TRAILER), then the checksum trailer.</summary>
    public static byte[] Unsigned(byte[] payload, int chunkSize, ChecksumValue? trailer)
    {
        var body = new MemoryStream();
        foreach (var chunk in Chunks(payload, chunkSize))
        {
            Write(body, $"{chunk.Length:x}\r\n");
            body.Write(chunk.Span);
            Write(body, "\r\n");
        }

        Write(body, "0\r\n");
        if (trailer is not null)
        {
            Write(body, $"{ChecksumNames.HeaderName(trailer.Algorithm)}:{trailer.Base64}\r\n");
        }

        Write(body, "\r\n");
        return body.ToArray();
    }

    public static byte[] Payload(int length, int seed = 42)
    {
        var payload = new byte[length];
        new Random(seed).NextBytes(payload);
        return payload;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] payload, int chunkSize)
    {
        for (var offset = 0; offset < payload.Length; offset += chunkSize)
        {
            yield return payload.AsMemory(offset, Math.Min(chunkSize, payload.Length - offset));
        }
    }

    private static void Write(MemoryStream body, string text) => body.Write(Encoding.ASCII.GetBytes(text));
}
