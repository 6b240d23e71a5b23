using System.Buffers.Text;
using System.Text;

namespace Stowage.Core.S3;

/// <summary>
/// ListObjectsV2's continuation token: opaque to clients (S3 says so), here the base64url of the last key
/// or common prefix returned, after which the next page starts. It carries no secret: a client that forges
/// one can only start a listing where it could with start-after anyway.
/// </summary>
internal static class S3ContinuationTokens
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string after) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(after));

    /// <summary>The position after which to continue; false when the token is not one of ours.</summary>
    public static bool TryDecode(string token, out string after)
    {
        after = string.Empty;
        if (token.Length == 0 || token.Length > 4 * S3ObjectKeys.MaxKeyBytes)
        {
            return false;
        }

        var bytes = S3Base64Url.TryDecode(token);
        if (bytes is not { Length: > 0 })
        {
            return false;
        }

        try
        {
            after = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
