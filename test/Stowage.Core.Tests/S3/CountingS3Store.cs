using Stowage.Core.S3;
using Stowage.Core.Storage;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The real store, counting how many object rows listings read from it, with hooks that run before an object's or
/// a part's record is written (to hold one writer between its bytes and its record).
/// </summary>
internal sealed class CountingS3Store(IS3Store inner) : IS3Store
{
    private int _listCalls;
    private int _rowsListed;

    public int ListCalls => _listCalls;

    /// <summary>Awaited before each PutObjectAsync reaches the real store.</summary>
    public Func<S3ObjectRecord, Task>? BeforePutObject { get; set; }

    /// <summary>Awaited before each PutPartAsync reaches the real store.</summary>
    public Func<PartRecord, Task>? BeforePutPart { get; set; }

    public int RowsListed => _rowsListed;

    public void Reset()
    {
        _listCalls = 0;
        _rowsListed = 0;
    }

    public async Task<IReadOnlyList<S3ObjectRecord>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int limit, CancellationToken cancellationToken)
    {
        var rows = await inner.ListObjectsAsync(bucket, prefix, startAfter, limit, cancellationToken);
        Interlocked.Increment(ref _listCalls);
        Interlocked.Add(ref _rowsListed, rows.Count);
        return rows;
    }

    public Task<bool> CreateBucketAsync(S3Bucket bucket, CancellationToken cancellationToken) => inner.CreateBucketAsync(bucket, cancellationToken);

    public Task<S3Bucket?> GetBucketAsync(string name, CancellationToken cancellationToken) => inner.GetBucketAsync(name, cancellationToken);

    public Task<IReadOnlyList<S3Bucket>> ListBucketsAsync(string? accountId, CancellationToken cancellationToken) => inner.ListBucketsAsync(accountId, cancellationToken);

    public Task CreateS3KeyAsync(S3AccessKeyRecord key, CancellationToken cancellationToken) => inner.CreateS3KeyAsync(key, cancellationToken);

    public Task<S3AccessKeyRecord?> GetS3KeyAsync(string accessKeyId, CancellationToken cancellationToken) => inner.GetS3KeyAsync(accessKeyId, cancellationToken);

    public Task<IReadOnlyList<S3AccessKeyRecord>> ListS3KeysAsync(string? accountId, CancellationToken cancellationToken) => inner.ListS3KeysAsync(accountId, cancellationToken);

    public Task<bool> RevokeS3KeyAsync(string accessKeyId, DateTimeOffset when, CancellationToken cancellationToken) => inner.RevokeS3KeyAsync(accessKeyId, when, cancellationToken);

    public Task<S3ObjectRecord?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken) => inner.GetObjectAsync(bucket, key, cancellationToken);

    public async Task<ObjectReplacement> PutObjectAsync(S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, CancellationToken cancellationToken)
    {
        if (BeforePutObject is { } hook)
        {
            await hook(obj);
        }

        return await inner.PutObjectAsync(obj, now, quotaBytes, cancellationToken);
    }

    public Task<S3ObjectRecord?> DeleteObjectAsync(string bucket, string key, DateTimeOffset now, CancellationToken cancellationToken) => inner.DeleteObjectAsync(bucket, key, now, cancellationToken);

    public Task CreateMultipartUploadAsync(MultipartUploadRecord upload, CancellationToken cancellationToken) => inner.CreateMultipartUploadAsync(upload, cancellationToken);

    public Task<MultipartUploadRecord?> GetMultipartUploadAsync(string uploadId, CancellationToken cancellationToken) => inner.GetMultipartUploadAsync(uploadId, cancellationToken);

    public Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsAsync(string bucket, string prefix, string? keyMarker, string? uploadIdMarker, int limit, CancellationToken cancellationToken) =>
        inner.ListMultipartUploadsAsync(bucket, prefix, keyMarker, uploadIdMarker, limit, cancellationToken);

    public Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsInitiatedByAsync(DateTimeOffset initiatedBy, int limit, CancellationToken cancellationToken) =>
        inner.ListMultipartUploadsInitiatedByAsync(initiatedBy, limit, cancellationToken);

    public async Task<ObjectRecordOutcome> PutPartAsync(PartRecord part, long? quotaBytes, CancellationToken cancellationToken)
    {
        if (BeforePutPart is { } hook)
        {
            await hook(part);
        }

        return await inner.PutPartAsync(part, quotaBytes, cancellationToken);
    }

    public Task<bool> DeletePartAsync(string uploadId, int partNumber, CancellationToken cancellationToken) => inner.DeletePartAsync(uploadId, partNumber, cancellationToken);

    public Task<IReadOnlyList<PartRecord>> ListPartsAsync(string uploadId, int afterPartNumber, int limit, CancellationToken cancellationToken) =>
        inner.ListPartsAsync(uploadId, afterPartNumber, limit, cancellationToken);

    public Task<ObjectReplacement> CompleteMultipartUploadAsync(string uploadId, S3ObjectRecord obj, DateTimeOffset now, long? quotaBytes, CancellationToken cancellationToken) =>
        inner.CompleteMultipartUploadAsync(uploadId, obj, now, quotaBytes, cancellationToken);

    public Task<MultipartUploadRecord?> DeleteMultipartUploadAsync(string uploadId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.DeleteMultipartUploadAsync(uploadId, now, cancellationToken);

    public Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken) => inner.GetOrAddSecretAsync(name, candidate, cancellationToken);
}
