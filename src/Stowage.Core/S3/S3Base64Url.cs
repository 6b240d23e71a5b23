using System.Buffers;
using System.Buffers.Text;

namespace Stowage.Core.S3;

/// <summary>Base64url (RFC 4648 §5, no padding) for the tokens the S3 endpoint hands out.</summary>
internal static class S3Base64Url
{
    /// <summary>
    /// The bytes, when <paramref name="text"/> is canonical base64url: a decoder ignores the spare low bits of
    /// the last character, so without the round trip two different strings would decode to the same bytes.
    /// </summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != OperationStatus.Done || consumed != text.Length)
        {
            return null;
        }

        var bytes = buffer[..written];
        return text.SequenceEqual(Base64Url.EncodeToString(bytes)) ? bytes : null;
    }
}
