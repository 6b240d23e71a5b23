using System.Security.Cryptography;
using System.Text;

namespace Stowage.Core.S3;

/// <summary>
/// Access key ids and secrets in AWS's shapes, so clients and tools that check them accept ours: ids are
/// <c>AKIA</c> (long-lived) or <c>ASIA</c> (temporary, as STS issues them) and 16 base32 characters
/// ([A-Z2-7], 80 bits); secrets are 40 characters of [A-Za-z0-9+/] (240 bits).
/// </summary>
internal static class S3AccessKeys
{
    public const string LongLivedPrefix = "AKIA";
    public const string TemporaryPrefix = "ASIA";
    public const int SecretLength = 40;

    private const int IdRandomLength = 16;
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string NewLongLivedId() => LongLivedPrefix + RandomString(IdAlphabet, IdRandomLength);

    public static string NewTemporaryId() => TemporaryPrefix + RandomString(IdAlphabet, IdRandomLength);

    public static string NewSecret() => RandomString(SecretAlphabet, SecretLength);

    /// <summary>
    /// The secret of a temporary key, derived rather than stored: the first 40 base64 characters of
    /// HMAC-SHA256(server key, "secret\n" + id). The "secret\n" prefix keeps this use of the key apart from
    /// signing session tokens, whose MAC input starts with a version byte.
    /// </summary>
    public static string DeriveSecret(byte[] serverKey, string accessKeyId)
    {
        var mac = HMACSHA256.HashData(serverKey, Encoding.UTF8.GetBytes("secret\n" + accessKeyId));
        return Convert.ToBase64String(mac)[..SecretLength];
    }

    /// <summary>Uniform characters: both alphabets have a power-of-two size that divides 256, so no byte is rejected.</summary>
    private static string RandomString(string alphabet, int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[bytes[i] % alphabet.Length];
        }

        return new string(chars);
    }
}
