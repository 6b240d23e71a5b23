using System.Globalization;
using System.Text;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// A STREAMING-AWS4-HMAC-SHA256-PAYLOAD body built the way the .NET SDK frames it (SUMMARY.md, "Signed
/// aws-chunked body"): <c>size;chunk-signature=sig\r\n data \r\n</c> per chunk, each signature chained
/// from the previous one starting at the request's, then a zero-length final chunk.
/// </summary>
public sealed class AwsChunkedBody
{
    public const string StreamingPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    private readonly List<int> _dataOffsets;

    private AwsChunkedBody(byte[] bytes, List<int> dataOffsets)
    {
        Bytes = bytes;
        _dataOffsets = dataOffsets;
    }

    public byte[] Bytes { get; }

    /// <summary>How many data chunks (not counting the final empty one).</summary>
    public int ChunkCount => _dataOffsets.Count;

    public static AwsChunkedBody Build(byte[] data, int chunkSize, SignedRequest request)
    {
        var body = new MemoryStream();
        var offsets = new List<int>();
        var previous = request.Signature;
        var scope = SigV4.Scope(request.Time);
        var date = SigV4.AmzDate(request.Time);
        for (var position = 0; ;)
        {
            var length = Math.Min(chunkSize, data.Length - position);
            var chunk = data.AsSpan(position, length);
            var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{date}\n{scope}\n{previous}\n{SigV4.EmptySha256}\n{SigV4.Sha256Hex(chunk)}";
            previous = SigV4.Sign(request.SigningKey, stringToSign);
            body.Write(Encoding.ASCII.GetBytes($"{length.ToString("x", CultureInfo.InvariantCulture)};chunk-signature={previous}\r\n"));
            if (length > 0)
            {
                offsets.Add((int)body.Position);
            }

            body.Write(chunk);
            body.Write("\r\n"u8);
            position += length;
            if (length == 0)
            {
                break;
            }
        }

        return new AwsChunkedBody(body.ToArray(), offsets);
    }

    /// <summary>The same body with one data byte of chunk <paramref name="chunk"/> flipped after signing: its signature no longer matches.</summary>
    public byte[] WithTamperedChunk(int chunk)
    {
        var tampered = (byte[])Bytes.Clone();
        tampered[_dataOffsets[chunk] + 10] ^= 0xFF;
        return tampered;
    }

    /// <summary>The request headers this framing needs besides the payload mode; all of them are signed.</summary>
    public static Dictionary<string, string> Headers(long decodedLength) => new(StringComparer.Ordinal)
    {
        ["content-encoding"] = "aws-chunked",
        ["x-amz-decoded-content-length"] = decodedLength.ToString(CultureInfo.InvariantCulture),
    };
}
