using System.Security.Cryptography;
using System.Text;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// Where the file-system blob store keeps an object: <c>DIR/blobs/&lt;bucket&gt;/&lt;2 hex&gt;/&lt;sha256(key)&gt;</c>.
/// A session file's key is <c>sessions/{upload_id}/{flat name}</c>.
/// </summary>
public static class BlobFiles
{
    public const string Bucket = "stowage";

    public static string PathOf(string dataDirectory, string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(dataDirectory, "blobs", Bucket, hash[..2], hash);
    }

    public static string SessionFile(string dataDirectory, string uploadId, string flatName) =>
        PathOf(dataDirectory, $"sessions/{uploadId}/{flatName}");

    /// <summary>The first <paramref name="length"/> bytes stored for an object (fewer if the file is shorter).</summary>
    public static byte[] ReadPrefix(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[Math.Min(length, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
