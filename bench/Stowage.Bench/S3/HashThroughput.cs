using System.Security.Cryptography;
using Stowage.Bench.Servers;

namespace Stowage.Bench.S3;

/// <summary>
/// What the per-byte work of each payload mode costs one core of this machine (MB per CPU-second), measured in the harness
/// (the same .NET runtime as the server): MD5 (every S3 ETag), SHA-256 (hex payloads) and SHA-256 plus
/// one HMAC per 80 KiB chunk (verifying a signed aws-chunked body as AWSSDK.S3 frames it).
/// </summary>
internal sealed record HashThroughput(double Md5MegabytesPerSecond, double Sha256MegabytesPerSecond, double SignedChunksMegabytesPerSecond)
{
    private const int BufferBytes = 64 << 20;
    private const int ChunkBytes = 80 * 1024;
    private const int Tries = 3;

    // 100 ticks a second: a second of CPU reads to within 1%.
    private const double MinCpuSeconds = 1;

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

        // Bytes per CPU-second of this process (nothing else in it runs meanwhile), not per wall-clock
        // second: on a busy machine the wall clock also counts the time the thread waited for a core.
        static double Best(Action run)
        {
            var best = 0.0;
            for (var i = 0; i < Tries; i++)
            {
                var start = ProcessCpu.Seconds(Environment.ProcessId, withChildren: false) ?? 0;
                long bytes = 0;
                double used;
                do
                {
                    run();
                    bytes += BufferBytes;
                    used = (ProcessCpu.Seconds(Environment.ProcessId, withChildren: false) ?? 0) - start;
                }
                while (used < MinCpuSeconds);

                best = Math.Max(best, bytes / 1e6 / used);
            }

            return best;
        }
    }
}
