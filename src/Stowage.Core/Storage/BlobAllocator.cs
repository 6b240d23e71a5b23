using Microsoft.Extensions.Options;
using Stowage.Core.Common;
using Stowage.Core.Uploads;

namespace Stowage.Core.Storage;

/// <summary>
/// Names the blobs that hold objects written through the S3 endpoint: every write gets a blob of its own in
/// Stowage's internal namespace (the <c>Stowage:Uploads:Bucket</c> blob bucket, which no client names), and the
/// object's record points at it. So no client-chosen bucket or key ever becomes a blob address, and two writers
/// of one key never write the same bytes: the record swap decides which whole write is the object
/// (docs/ARCHITECTURE.md, "Objects and blobs").
/// </summary>
public sealed class BlobAllocator(IOptions<UploadOptions> options)
{
    // 26 base62 characters = 154 bits: no two writes ever meet, and nobody can guess a live one.
    private const int IdLength = 26;

    /// <summary>The key prefix of per-write blobs; session and project blobs have their own (<see cref="ObjectKeys"/>).</summary>
    public const string Prefix = "objects/";

    private readonly string _bucket = options.Value.Bucket;

    public ObjectRef New() => new(_bucket, Prefix + RandomIds.Base62(IdLength));
}
