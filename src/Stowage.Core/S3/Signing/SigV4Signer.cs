using System.Security.Cryptography;
using System.Text;

namespace Stowage.Core.S3.Signing;

/// <summary>
/// Strings-to-sign and signatures of SigV4: the request's (create-signed-request.html, steps 2-4), each
/// aws-chunked chunk's and the trailer's (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html and
/// sigv4-streaming-trailers.html). Signatures are lowercase hex and compared in constant time.
/// </summary>
public static class SigV4Signer
{
    /// <summary><c>AWS4-HMAC-SHA256\n&lt;timestamp&gt;\n&lt;scope&gt;\n&lt;hex sha256(canonical request)&gt;</c>.</summary>
    public static string StringToSign(string amzTimestamp, SigV4Scope scope, string canonicalRequest) =>
        $"{SigV4.Algorithm}\n{amzTimestamp}\n{scope}\n{Sha256Hex(canonicalRequest)}";

    /// <summary>
    /// <c>AWS4-HMAC-SHA256-PAYLOAD\n&lt;timestamp&gt;\n&lt;scope&gt;\n&lt;previous signature&gt;\n&lt;sha256("")&gt;\n&lt;sha256(chunk)&gt;</c>:
    /// each chunk's signature chains the previous one, starting from the request's (the seed).
    /// </summary>
    public static string ChunkStringToSign(string amzTimestamp, SigV4Scope scope, string previousSignature, string chunkSha256Hex) =>
        $"{SigV4.ChunkAlgorithm}\n{amzTimestamp}\n{scope}\n{previousSignature}\n{SigV4.EmptySha256}\n{chunkSha256Hex}";

    /// <summary>
    /// <c>AWS4-HMAC-SHA256-TRAILER\n&lt;timestamp&gt;\n&lt;scope&gt;\n&lt;last chunk's signature&gt;\n&lt;sha256(trailer)&gt;</c>,
    /// the trailer being its canonical lines <c>name:value\n</c> (see <see cref="CanonicalTrailer"/>).
    /// </summary>
    public static string TrailerStringToSign(string amzTimestamp, SigV4Scope scope, string previousSignature, string canonicalTrailer) =>
        $"{SigV4.TrailerAlgorithm}\n{amzTimestamp}\n{scope}\n{previousSignature}\n{Sha256Hex(canonicalTrailer)}";

    /// <summary>Trailing headers as signed: lowercase names sorted, values trimmed, each <c>name:value\n</c>.</summary>
    public static string CanonicalTrailer(IEnumerable<KeyValuePair<string, string>> trailers)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in trailers
                     .Select(static t => (Name: t.Key.Trim().ToLowerInvariant(), Value: t.Value.Trim()))
                     .OrderBy(static t => t.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>HMAC-SHA256 of the string-to-sign with the signing key, lowercase hex.</summary>
    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// Whether two hex signatures are equal, ignoring case, in time independent of where they differ
    /// (a provided value that is not hex of the right length is simply unequal).
    /// </summary>
    public static bool SignaturesEqual(string expected, string? provided) =>
        provided is not null
        && provided.Length == expected.Length
        && provided.All(char.IsAsciiHexDigit)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()),
            Encoding.ASCII.GetBytes(provided.ToLowerInvariant()));

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
