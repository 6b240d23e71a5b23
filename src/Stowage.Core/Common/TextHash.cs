using System.Security.Cryptography;
using System.Text;

namespace Stowage.Core.Common;

/// <summary>Hashes of text (API key secrets are stored as these).</summary>
public static class TextHash
{
    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
