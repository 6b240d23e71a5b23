using System.Text;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Object key rules (docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html): a sequence of
/// Unicode characters whose UTF-8 encoding is at most 1,024 bytes long, and, unlike S3, only characters that
/// XML 1.0 can carry (<see cref="S3XmlCharacters"/>). S3 stores a key holding U+0001 and then writes it into
/// its listings as <c>&amp;#x1;</c>, which no XML 1.0 parser accepts, so every listing of that bucket that is
/// not URL-encoded breaks for every client. Stowage refuses such a key when it would be written instead
/// (docs/protocols/s3.md, "Keys and XML").
/// </summary>
internal static class S3ObjectKeys
{
    public const int MaxKeyBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when the key is acceptable; otherwise the failure to return.</summary>
    public static Failure? Check(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Failure.Because(StowageErrors.InvalidField, "An object key must not be empty.");
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException)
        {
            return Failure.Because(StowageErrors.InvalidField, "An object key must be valid Unicode.");
        }

        if (bytes > MaxKeyBytes)
        {
            return Failure.Because(StowageErrors.InvalidField, $"Your key is too long: its UTF-8 encoding is {bytes} bytes, at most {MaxKeyBytes} are allowed.");
        }

        var unrepresentable = S3XmlCharacters.IndexOfUnrepresentable(key);
        return unrepresentable < 0
            ? null
            : Failure.Because(
                StowageErrors.InvalidField,
                $"An object key must not contain {S3XmlCharacters.Describe(key, unrepresentable)} (character {unrepresentable + 1}): S3's XML answers cannot carry it. "
                + "Control characters other than tab, line feed and carriage return, U+FFFE and U+FFFF are not allowed in keys.");
    }
}
