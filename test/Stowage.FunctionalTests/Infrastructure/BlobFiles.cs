using System.Security.Cryptography;
using System.Text;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// Where the file-system blob store keeps an object: <c>DIR/blobs/&lt;bucket&gt;/&lt;2 hex&gt;/&lt;sha256(key)&gt;</c>,
/// and the segments of one not yet complete under <c>DIR/blobs/.segments/</c> on the same path.
/// A session file's key is <c>sessions/{upload_id}/{flat name}</c>.
/// </summary>
public static class BlobFiles
{
    public const string Bucket = "stowage";

    public static string PathOf(string dataDirectory, string key) => Path.Combine(dataDirectory, "blobs", RelativePathOf(key));

    /// <summary>A complete session file: its object.</summary>
    public static string SessionFile(string dataDirectory, string uploadId, string flatName) =>
        PathOf(dataDirectory, SessionKey(uploadId, flatName));

    /// <summary>An incomplete session file: the segments received so far, kept as one file until the last byte.</summary>
    public static string SessionSegments(string dataDirectory, string uploadId, string flatName) =>
        Path.Combine(dataDirectory, "blobs", ".segments", RelativePathOf(SessionKey(uploadId, flatName)));

    private static string SessionKey(string uploadId, string flatName) => $"sessions/{uploadId}/{flatName}";

    private static string RelativePathOf(string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(Bucket, hash[..2], hash);
    }

    /// <summary>The first <paramref name="length"/> bytes stored for an object (fewer if the file is shorter).</summary>
    public static byte[] ReadPrefix(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[Math.Min(length, stream.Length)];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
