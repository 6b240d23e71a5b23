using System.Security.Cryptography;

namespace Stowage.Core.Tests.Support;

/// <summary>Deterministic test content, different per seed, so misplaced bytes show.</summary>
internal static class TestBytes
{
    public static byte[] Random(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
