using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem;

/// <summary>
/// Where objects live under the root:
/// <code>
/// &lt;root&gt;/&lt;bucket&gt;/&lt;first 2 hex of sha256(key)&gt;/&lt;sha256(key) as 64 lowercase hex&gt;
///                 a plain object is a file there; a composite object a directory (see CompositeManifest)
/// &lt;root&gt;/.segments/&lt;bucket&gt;/&lt;first 2 hex&gt;/&lt;sha256(key)&gt;
///                 the uncomposed segments of an object being uploaded piece by piece, as one file, in order
/// &lt;root&gt;/.multipart/&lt;sha256(bucket \n sha256(key) \n uploadId)&gt;/&lt;part number&gt;
///                 the parts of one multipart upload, outside every bucket's namespace
/// &lt;root&gt;/.tmp/&lt;guid&gt;      temporary files and directories, renamed into place (or displaced there to be deleted)
/// </code>
/// Keys are arbitrary (S3 keys may hold <c>../</c>, <c>\</c>, NUL, any Unicode; both <c>a</c> and
/// <c>a/b</c> may exist), so a key never becomes a path: its hash does, which cannot escape the root
/// or collide. Upload ids come from callers too, so they are hashed the same way; the key enters that
/// hash as its fixed-length hash, so the separators cannot be forged. The 256-way fan-out keeps
/// directories small. Bucket names are validated against S3 rules, so they cannot start with a dot and
/// never meet <c>.tmp</c>, <c>.segments</c> or <c>.multipart</c>.
/// </summary>
internal sealed class BlobLayout
{
    internal const string TemporaryDirectoryName = ".tmp";
    internal const string MultipartDirectoryName = ".multipart";
    internal const string SegmentsDirectoryName = ".segments";
    private const int FanOutHexDigits = 2;

    // Strict: a lone surrogate would otherwise become U+FFFD and two different keys one file.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public BlobLayout(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        TemporaryDirectory = Path.Join(Root, TemporaryDirectoryName);
        MultipartDirectory = Path.Join(Root, MultipartDirectoryName);
        SegmentsDirectory = Path.Join(Root, SegmentsDirectoryName);
    }

    public string Root { get; }

    public string TemporaryDirectory { get; }

    public string MultipartDirectory { get; }

    public string SegmentsDirectory { get; }

    public string PathOf(ObjectRef obj)
    {
        var name = KeyHash(obj);
        return Path.Join(Root, obj.Bucket, name.AsSpan(0, FanOutHexDigits), name);
    }

    /// <summary>
    /// The file holding the uncomposed segments of <paramref name="target"/>: the object's own path mirrored under
    /// <c>.segments</c>, so composing is a rename within one file system and never meets another object's name.
    /// </summary>
    public string SegmentsPathOf(ObjectRef target)
    {
        var name = KeyHash(target);
        return Path.Join(SegmentsDirectory, target.Bucket, name[..FanOutHexDigits], name);
    }

    /// <summary>The directory holding the parts of one multipart upload of <paramref name="target"/>.</summary>
    public string UploadDirectoryOf(ObjectRef target, string uploadId)
    {
        ArgumentException.ThrowIfNullOrEmpty(uploadId);
        var identity = $"{target.Bucket}\n{KeyHash(target)}\n{uploadId}";
        return Path.Join(MultipartDirectory, Hash(identity, "upload id", nameof(uploadId)));
    }

    /// <summary>A part's file name, in its upload directory and in a composite object: the part number in decimal.</summary>
    public static string PartName(int partNumber) => partNumber.ToString(CultureInfo.InvariantCulture);

    public string NewTemporaryPath() => Path.Join(TemporaryDirectory, Guid.NewGuid().ToString("N"));

    private static string KeyHash(ObjectRef obj)
    {
        BucketName.Validate(obj.Bucket);
        ArgumentNullException.ThrowIfNull(obj.Key, nameof(obj));
        return Hash(obj.Key, "key", nameof(obj));
    }

    private static string Hash(string value, string what, string parameterName)
    {
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"The {what} is not valid Unicode.", parameterName, e);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }
}
