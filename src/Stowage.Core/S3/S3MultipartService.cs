using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Checksums;
using Stowage.Core.Common;
using Stowage.Core.Errors;
using Stowage.Core.Locks;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.S3;

/// <summary>
/// Multipart uploads: create, upload part, complete (validating the part list and composing the parts
/// without copying), abort, list parts, list uploads. Rules from
/// docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html. Complete and Abort hold the
/// upload's lock for their whole run, and UploadPart for recording its part, so each sees a consistent upload.
/// Parts count toward the bucket's account's usage and quota until the upload is completed or aborted
/// (docs/protocols/s3.md, "Quotas").
/// The upload's blob is chosen at creation (<see cref="BlobAllocator"/>): parts are stored beside it and
/// composed into it, and completing swaps the object's record to it, as PutObject does with its own blob.
/// </summary>
public sealed partial class S3MultipartService(
    IS3Store store,
    IAccountStore accounts,
    IUploadStore usage,
    AccountPolicy policy,
    IBlobComposer composer,
    BlobAllocator allocator,
    BlobReclaimer reclaimer,
    ILockProvider locks,
    IOptions<S3Options> options,
    IOptions<DurabilityOptions> durability,
    TimeProvider time)
{
    // 43 base62 characters = 256 bits: unguessable, and safe in a URL and as a file name.
    private const int UploadIdLength = 43;

    // Completing 10,000 parts takes well under a second; a holder for longer than this is stuck.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private readonly S3Options _options = options.Value;
    private readonly bool _durable = durability.Value.Fsync;

    public async Task<Result<MultipartUploadRecord>> CreateAsync(S3Bucket bucket, string key, string accountId, IReadOnlyDictionary<string, string> headers, ChecksumAlgorithm? checksumAlgorithm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(headers);
        if (S3ObjectKeys.Check(key) is { } invalidKey)
        {
            return invalidKey;
        }

        var upload = new MultipartUploadRecord(RandomIds.Base62(UploadIdLength), bucket.Name, key, accountId, time.GetUtcNow(), headers, checksumAlgorithm, allocator.New());
        await store.CreateMultipartUploadAsync(upload, cancellationToken).ConfigureAwait(false);
        return upload;
    }

    /// <summary>Deletes the upload and its parts; NoSuchUpload when unknown.</summary>
    public async Task<Failure?> AbortAsync(S3Bucket bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        await using var held = await locks.TryAcquireAsync(LockName(uploadId), LockWait, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return Busy();
        }

        var upload = await GetAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        if (!upload.IsSuccess)
        {
            return upload.Failure;
        }

        return await AbortHeldAsync(upload.Value).ConfigureAwait(false) ? null : Failure.Of(StowageErrors.MultipartUploadNotFound);
    }

    /// <summary>
    /// Aborts the uploads initiated at or before <paramref name="initiatedBy"/> (clients that never completed
    /// nor aborted), up to <paramref name="limit"/>, oldest first; returns how many went. An upload whose lock
    /// is held (a part or a Complete in flight) is left for the next sweep.
    /// </summary>
    public async Task<int> AbortInitiatedByAsync(DateTimeOffset initiatedBy, int limit, CancellationToken cancellationToken)
    {
        var aborted = 0;
        foreach (var upload in await store.ListMultipartUploadsInitiatedByAsync(initiatedBy, limit, cancellationToken).ConfigureAwait(false))
        {
            await using var held = await locks.TryAcquireAsync(LockName(upload.UploadId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (held is not null && await AbortHeldAsync(upload).ConfigureAwait(false))
            {
                aborted++;
            }
        }

        return aborted;
    }

    /// <summary>Under the upload's lock: false when it is gone already (completed or aborted).</summary>
    private async Task<bool> AbortHeldAsync(MultipartUploadRecord upload)
    {
        // Records first, listing the upload's blob and parts for reclaiming in the same transaction: from then on
        // the upload is gone for everyone, and its bytes go now or, should that fail, with the next sweep.
        var deleted = await store.DeleteMultipartUploadAsync(upload.UploadId, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        if (deleted is null)
        {
            return false;
        }

        await reclaimer.ReclaimNowAsync(deleted.Blob, deleted.UploadId).ConfigureAwait(false);
        return true;
    }

    /// <summary>The open upload, or NoSuchUpload when unknown or not of this bucket and key.</summary>
    public async Task<Result<MultipartUploadRecord>> GetAsync(S3Bucket bucket, string key, string uploadId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var upload = await store.GetMultipartUploadAsync(uploadId, cancellationToken).ConfigureAwait(false);
        return upload is not null && upload.Bucket == bucket.Name && upload.Key == key ? upload : StowageErrors.MultipartUploadNotFound;
    }

    public Task<IReadOnlyList<PartRecord>> ListPartsAsync(string uploadId, int afterPartNumber, int limit, CancellationToken cancellationToken) =>
        store.ListPartsAsync(uploadId, afterPartNumber, limit, cancellationToken);

    public Task<IReadOnlyList<MultipartUploadRecord>> ListUploadsAsync(S3Bucket bucket, string prefix, string? keyMarker, string? uploadIdMarker, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return store.ListMultipartUploadsAsync(bucket.Name, prefix, keyMarker, uploadIdMarker, limit, cancellationToken);
    }

    internal static string LockName(string uploadId) => "s3/upload/" + uploadId;

    private static Failure Busy() =>
        new(StowageErrors.Busy, retryAfter: TimeSpan.FromSeconds(1), reason: "Another request is completing or aborting this upload; retry.");

}
