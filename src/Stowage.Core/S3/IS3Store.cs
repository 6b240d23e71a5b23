using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// The S3 endpoint's metadata: buckets, long-lived access keys, the object catalogue and open multipart
/// uploads. Keys are compared and ordered as S3 does, by their UTF-8 bytes (ordinal).
/// </summary>
public interface IS3Store
{
    /// <summary>Inserts the bucket; returns false when a bucket of that name exists.</summary>
    Task<bool> CreateBucketAsync(S3Bucket bucket, CancellationToken cancellationToken);

    Task<S3Bucket?> GetBucketAsync(string name, CancellationToken cancellationToken);

    /// <summary>All buckets, or one account's, by name.</summary>
    Task<IReadOnlyList<S3Bucket>> ListBucketsAsync(string? accountId, CancellationToken cancellationToken);

    Task CreateS3KeyAsync(S3AccessKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key, revoked or not; null when unknown.</summary>
    Task<S3AccessKeyRecord?> GetS3KeyAsync(string accessKeyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<S3AccessKeyRecord>> ListS3KeysAsync(string? accountId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when unknown. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeS3KeyAsync(string accessKeyId, DateTimeOffset when, CancellationToken cancellationToken);

    Task<S3ObjectRecord?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: inserts or replaces the object's record, takes its blob off the reclaim list
    /// (<see cref="Storage.IBlobReclaimStore"/>), lists the replaced record's blob, due at <paramref name="now"/>,
    /// when it is another, and moves the bucket's used bytes by the difference in size. When
    /// <paramref name="quotaBytes"/> is set and the bucket's account would then hold more than that (its usage as
    /// <see cref="Uploads.IUploadStore.GetAccountUsageAsync"/> counts it), nothing changes: QuotaExceeded.
    /// </summary>
    Task<ObjectReplacement> PutObjectAsync(S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: deletes the record, lists its blob for reclaiming, due at <paramref name="now"/>, and
    /// takes its size off the bucket's used bytes. Returns the deleted record, or null when there was none.
    /// </summary>
    Task<S3ObjectRecord?> DeleteObjectAsync(string bucket, string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> objects of the bucket whose keys start with <paramref name="prefix"/>
    /// and sort after <paramref name="startAfter"/> (exclusive; null for the first page), in key order.
    /// </summary>
    Task<IReadOnlyList<S3ObjectRecord>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int limit, CancellationToken cancellationToken);

    Task CreateMultipartUploadAsync(MultipartUploadRecord upload, CancellationToken cancellationToken);

    Task<MultipartUploadRecord?> GetMultipartUploadAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Open uploads of the bucket whose keys start with <paramref name="prefix"/>, ordered by key then
    /// initiation time then upload id, after the (key, upload id) marker when given.
    /// </summary>
    Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsAsync(string bucket, string prefix, string? keyMarker, string? uploadIdMarker, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Open uploads of every bucket initiated at or before <paramref name="initiatedBy"/>, oldest first (by
    /// initiation time, then upload id), at most <paramref name="limit"/>: the abandoned-upload sweep's work.
    /// </summary>
    Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsInitiatedByAsync(DateTimeOffset initiatedBy, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: inserts or replaces a part's record (a re-uploaded part replaces the earlier one) and
    /// moves the bytes the bucket's open uploads hold by the difference in size: parts count toward the bucket's
    /// account's usage (<see cref="Uploads.IUploadStore.GetAccountUsageAsync"/>) until their upload is completed or
    /// deleted. Changes nothing when the upload does not exist (UploadGone) or, with <paramref name="quotaBytes"/>
    /// set, when the account would then hold more than that (QuotaExceeded).
    /// </summary>
    Task<ObjectRecordOutcome> PutPartAsync(PartRecord part, long? quotaBytes, CancellationToken cancellationToken);

    /// <summary>Deletes a part's record, and its size from the usage; false when there was none.</summary>
    Task<bool> DeletePartAsync(string uploadId, int partNumber, CancellationToken cancellationToken);

    /// <summary>Parts of the upload with numbers above <paramref name="afterPartNumber"/>, ascending.</summary>
    Task<IReadOnlyList<PartRecord>> ListPartsAsync(string uploadId, int afterPartNumber, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: deletes the upload and its parts and records the object as
    /// <see cref="PutObjectAsync"/> does (quota included: the object takes the place of all the upload's parts, so
    /// their sizes are released in the same check and never counted beside the object). Changes nothing when the
    /// upload no longer exists (UploadGone) or the quota would be exceeded (QuotaExceeded; the upload stays, to be
    /// aborted or retried).
    /// </summary>
    Task<ObjectReplacement> CompleteMultipartUploadAsync(string uploadId, S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: deletes the upload and its part records (their sizes leave the usage) and lists the
    /// upload's blob (with its parts) for reclaiming, due at <paramref name="now"/>. Returns the deleted upload, or null when there was none.
    /// </summary>
    Task<MultipartUploadRecord?> DeleteMultipartUploadAsync(string uploadId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A server-wide secret shared by every instance (for example the key that signs session tokens):
    /// returns the stored value, or stores <paramref name="candidate"/> when none exists yet and returns it.
    /// Concurrent callers all get the same value.
    /// </summary>
    Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken);
}
