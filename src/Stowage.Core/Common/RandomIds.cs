using System.Security.Cryptography;

namespace Stowage.Core.Common;

/// <summary>Unguessable identifiers from the OS CSPRNG, in base62 so they are URL- and file-name-safe.</summary>
public static class RandomIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// Returns <paramref name="length"/> base62 characters: log2(62) = 5.95 bits each, so 22 characters
    /// carry 131 bits and 43 carry 256. Rejection sampling keeps every character uniform.
    /// </summary>
    public static string Base62(int length)
    {
        Span<char> chars = length <= 128 ? stackalloc char[length] : new char[length];
        Span<byte> bytes = stackalloc byte[64];
        var filled = 0;
        while (filled < length)
        {
            RandomNumberGenerator.Fill(bytes);
            foreach (var b in bytes)
            {
                // 248 = 4 * 62: bytes at or above it would bias the first characters.
                if (b >= 248)
                {
                    continue;
                }

                chars[filled++] = Alphabet[b % 62];
                if (filled == length)
                {
                    break;
                }
            }
        }

        return new string(chars);
    }

    public static bool IsBase62(string value) => value.All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'));
}
