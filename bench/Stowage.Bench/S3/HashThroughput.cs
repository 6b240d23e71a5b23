using System.Diagnostics;
using System.Security.Cryptography;

namespace Stowage.Bench.S3;

/// <summary>
/// What the per-byte work of each payload mode costs one core of this machine, measured in the harness
/// (the same .NET runtime as the server): MD5 (every S3 ETag), SHA-256 (hex payloads) and SHA-256 plus
/// one HMAC per 80 KiB chunk (verifying a signed aws-chunked body as AWSSDK.S3 frames it).
/// </summary>
internal sealed record HashThroughput(double Md5MegabytesPerSecond, double Sha256MegabytesPerSecond, double SignedChunksMegabytesPerSecond)
{
    private const int BufferBytes = 64 << 20;
    private const int ChunkBytes = 80 * 1024;
    private const int Tries = 3;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "S3 defines the ETag as MD5; this measures what that costs.")]
    public static HashThroughput Measure()
    {
        var buffer = new byte[BufferBytes];
        RandomNumberGenerator.Fill(buffer);
        var key = RandomNumberGenerator.GetBytes(32);
        return new HashThroughput(
            Best(() => MD5.HashData(buffer)),
            Best(() => SHA256.HashData(buffer)),
            Best(() =>
            {
                // Per chunk: the chunk's SHA-256, then the HMAC of a string-to-sign that embeds it.
                Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
                Span<byte> toSign = stackalloc byte[200];
                for (var offset = 0; offset < buffer.Length; offset += ChunkBytes)
                {
                    SHA256.HashData(buffer.AsSpan(offset, Math.Min(ChunkBytes, buffer.Length - offset)), digest);
                    digest.CopyTo(toSign);
                    HMACSHA256.HashData(key, toSign, digest);
                }
            }));

        static double Best(Action run)
        {
            var best = double.MaxValue;
            for (var i = 0; i < Tries; i++)
            {
                var clock = Stopwatch.StartNew();
                run();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            return BufferBytes / 1e6 / best;
        }
    }
}
