using System.Security.Cryptography;
using System.Text;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// Where objects live under the root:
/// <code>
/// &lt;root&gt;/&lt;bucket&gt;/&lt;first 2 hex of sha256(key)&gt;/&lt;sha256(key) as 64 lowercase hex&gt;
/// &lt;root&gt;/.tmp/&lt;guid&gt;      temporary files of PutAsync, renamed into place
/// </code>
/// Keys are arbitrary (S3 keys may hold <c>../</c>, <c>\</c>, NUL, any Unicode; both <c>a</c> and
/// <c>a/b</c> may exist), so a key never becomes a path: its hash does, which cannot escape the root
/// or collide. The 256-way fan-out keeps directories small. Bucket names are validated against S3
/// rules, so they cannot start with a dot and never meet <c>.tmp</c>.
/// </summary>
internal sealed class BlobLayout
{
    internal const string TemporaryDirectoryName = ".tmp";
    private const int FanOutHexDigits = 2;

    // Strict: a lone surrogate would otherwise become U+FFFD and two different keys one file.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public BlobLayout(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        TemporaryDirectory = Path.Join(Root, TemporaryDirectoryName);
    }

    public string Root { get; }

    public string TemporaryDirectory { get; }

    public string PathOf(ObjectRef obj)
    {
        BucketName.Validate(obj.Bucket);
        ArgumentNullException.ThrowIfNull(obj.Key, nameof(obj));

        byte[] keyBytes;
        try
        {
            keyBytes = StrictUtf8.GetBytes(obj.Key);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The key is not valid Unicode.", nameof(obj), e);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(keyBytes, hash);
        var name = Convert.ToHexStringLower(hash);
        return Path.Join(Root, obj.Bucket, name.AsSpan(0, FanOutHexDigits), name);
    }

    public string NewTemporaryPath() => Path.Join(TemporaryDirectory, Guid.NewGuid().ToString("N"));
}
