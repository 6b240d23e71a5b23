using System.Security.Cryptography;
using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>
/// Where part i of a many-part upload comes from in the source file: consecutive ranges, wrapping around
/// when the parts add up to more than the file (1,000 × 5 MiB from a 1 GiB file), and what the completed
/// object must then be: its SHA-256 and its multipart ETag (MD5 of the parts' binary MD5s, "-N").
/// </summary>
internal sealed class PartLayout(TestFile source, int parts, long partBytes)
{
    private readonly long span = partBytes <= source.Length
        ? source.Length / partBytes * partBytes
        : throw new ArgumentOutOfRangeException(nameof(partBytes), $"parts of {partBytes} bytes do not fit in the {source.Length}-byte source file");

    public int Parts => parts;

    public long PartBytes => partBytes;

    public long TotalBytes => parts * partBytes;

    public long Offset(int index) => index * partBytes % span;

    public async Task<(byte[] Sha256, string ETag)> ExpectedAsync(CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5s = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var partMd5 = new Dictionary<long, byte[]>();
        var block = new byte[(int)Math.Min(partBytes, 1 << 20)];
        using var file = File.OpenHandle(source.Path);
        for (var i = 0; i < parts; i++)
        {
            var offset = Offset(i);
            var known = partMd5.TryGetValue(offset, out var md5);
            using var partHash = known ? null : IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            for (long done = 0; done < partBytes;)
            {
                var read = await RandomAccess.ReadAsync(file, block.AsMemory(0, (int)Math.Min(block.Length, partBytes - done)), offset + done, ct);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"{source.Path} ended at {offset + done}");
                }

                sha.AppendData(block, 0, read);
                partHash?.AppendData(block, 0, read);
                done += read;
            }

            md5 ??= partMd5[offset] = partHash!.GetHashAndReset();
            md5s.AppendData(md5);
        }

        return (sha.GetHashAndReset(), $"{Convert.ToHexStringLower(md5s.GetHashAndReset())}-{parts}");
    }
}
