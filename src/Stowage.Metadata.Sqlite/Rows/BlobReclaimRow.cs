using Stowage.Core.Storage;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>The blob_reclaims table as Dapper binds and reads it.</summary>
internal sealed class BlobReclaimRow
{
    public string BlobBucket { get; set; } = "";
    public string BlobKey { get; set; } = "";
    public string? UploadId { get; set; }
    public long Due { get; set; }

    public static BlobReclaimRow From(BlobReclaim reclaim) => new()
    {
        BlobBucket = reclaim.Blob.Bucket,
        BlobKey = reclaim.Blob.Key,
        UploadId = reclaim.UploadId,
        Due = UnixMillis.From(reclaim.Due),
    };

    public BlobReclaim ToRecord() => new(new ObjectRef(BlobBucket, BlobKey), UploadId, UnixMillis.To(Due));
}
