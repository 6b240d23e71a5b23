using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Stowage.Bench.Cli;
using Stowage.Bench.Data;

namespace Stowage.Bench.Swarm;

/// <summary>
/// The bytes the swarm uploads: one random file, from which upload n takes the file-sized window at
/// <see cref="Offset"/>. Windows start 4 KiB apart over 256 MiB, so 65,536 uploads in a row have
/// different content (no store could deduplicate them) while the client reads everything from one
/// file in the page cache; the SHA-256 of any upload is recomputed from its window when it is checked.
/// </summary>
internal sealed class SwarmSource : IDisposable
{
    private const long Span = 256 * BenchOptions.MiB;
    private const long Step = 4096;

    private SwarmSource(string path, int fileBytes)
    {
        Path = path;
        FileBytes = fileBytes;
        Handle = File.OpenHandle(path);
    }

    public string Path { get; }

    public int FileBytes { get; }

    /// <summary>Open for reading by every client at once (positional reads share no file offset).</summary>
    public SafeFileHandle Handle { get; }

    public static async Task<SwarmSource> CreateAsync(string directory, int fileBytes, CancellationToken ct)
    {
        var path = System.IO.Path.Combine(Directory.CreateDirectory(directory).FullName, "swarm-source.bin");
        await TestData.WriteRandomAsync(path, Span + fileBytes, ct);
        return new SwarmSource(path, fileBytes);
    }

    /// <summary>Where upload number <paramref name="n"/> starts in the source.</summary>
    public long Offset(long n) => n * Step % Span;

    /// <summary>The SHA-256 upload <paramref name="n"/> must have stored.</summary>
    public byte[] Sha256(long n)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[1 << 20];
        var start = Offset(n);
        for (long done = 0; done < FileBytes;)
        {
            var read = RandomAccess.Read(Handle, block.AsSpan(0, (int)Math.Min(block.Length, FileBytes - done)), start + done);
            if (read <= 0)
            {
                throw new EndOfStreamException($"swarm source ended at {start + done}");
            }

            sha.AppendData(block, 0, read);
            done += read;
        }

        return sha.GetHashAndReset();
    }

    public void Dispose() => Handle.Dispose();
}
