using System.Text;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Object key rules (docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html): a sequence of
/// Unicode characters whose UTF-8 encoding is at most 1,024 bytes long.
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
            return S3Failures.WithMessage(S3Errors.InvalidArgument, "An object key must not be empty.");
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException)
        {
            return S3Failures.WithMessage(S3Errors.InvalidArgument, "An object key must be valid Unicode.");
        }

        return bytes > MaxKeyBytes
            ? S3Failures.WithMessage(S3Errors.InvalidArgument, $"Your key is too long: its UTF-8 encoding is {bytes} bytes, at most {MaxKeyBytes} are allowed.")
            : null;
    }
}
