using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Core.S3;

/// <summary>
/// Single objects: PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2. Every write goes to a new
/// blob of its own (<see cref="BlobAllocator"/>) and then swaps the object's record in one transaction, so
/// concurrent writers of one key end with exactly one writer's bytes under that writer's record (the last to
/// commit wins, whole), and a crash at any instant leaves the old object or the new one. The replaced blob is
/// reclaimed (<see cref="BlobReclaimer"/>). Authorization is the front door's job
/// (S3CredentialService.Authorize) before it calls here. The projects bucket (<see cref="S3ProjectsBucket"/>) is
/// read through the same methods: its objects come from the caller's projects instead of the object records.
/// </summary>
public sealed partial class S3ObjectService(
    IS3Store store,
    IAccountStore accounts,
    IUploadStore usage,
    AccountPolicy policy,
    IBlobStore blobs,
    BlobAllocator allocator,
    BlobReclaimer reclaimer,
    S3ProjectsBucket projectsBucket,
    IOptions<S3Options> options,
    IOptions<DurabilityOptions> durability,
    TimeProvider time)
{
    // A reader that lost its blob to a concurrent replacement reads the new record: a few rounds settle it.
    private const int MaxOpenAttempts = 3;

    private readonly S3Options _options = options.Value;
    private readonly bool _durable = durability.Value.Fsync;

    /// <summary>
    /// Stores the body as the object, computing its MD5 (the ETag) and the requested checksum while it streams,
    /// and verifying Content-MD5 (BadDigest) and the expected checksum (BadDigest) before the object becomes
    /// visible: on any failure, or an exception from <paramref name="content"/>, the previous object stays.
    /// EntityTooLarge above MaxObjectBytes, before reading when <paramref name="declaredLength"/> says so, else
    /// as soon as the bytes pass it. <paramref name="declaredLength"/> is the length of the content itself
    /// (x-amz-decoded-content-length for an aws-chunked body); a body of another length fails with IncompleteBody.
    /// An <see cref="S3ContentException"/> thrown by <paramref name="content"/> is returned as its Failure.
    /// </summary>
    public async Task<Result<S3ObjectRecord>> PutAsync(S3Bucket bucket, string key, Stream content, long? declaredLength, ObjectWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(write);
        if (S3ObjectKeys.Check(key) is { } invalidKey)
        {
            return invalidKey;
        }

        // The bucket's account's limits (AccountPolicy): its per-file cap below S3's own object limit, and its quota.
        var owner = await accounts.GetAccountAsync(bucket.AccountId, cancellationToken).ConfigureAwait(false);
        var maxBytes = Math.Min(_options.MaxObjectBytes, policy.MaxFileOf(owner));
        if (S3Uploads.CheckDeclaredLength(declaredLength, maxBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        // A declared length that cannot fit the quota is refused before a byte is read, so a client does not send
        // gigabytes to be told afterwards. The exact check is the one made when the object is recorded (below).
        var quota = policy.QuotaOf(owner);
        if (quota is { } limit && declaredLength is { } declared
            && await WouldExceedAsync(bucket, key, declared, limit, cancellationToken).ConfigureAwait(false))
        {
            return S3Uploads.QuotaExceeded(quota);
        }

        // Listed before the first byte, so a write that dies before its record leaves nothing unlisted.
        var blob = allocator.New();
        await reclaimer.ListPendingAsync(blob, cancellationToken).ConfigureAwait(false);
        S3ObjectRecord record;
        try
        {
            using var digest = new S3ContentDigest(write.ComputeChecksum);
            await using var body = new S3ContentStream(content, digest, maxBytes, declaredLength, write);
            await blobs.PutAsync(blob, body, _durable, cancellationToken).ConfigureAwait(false);
            S3Uploads.EnsureReadToTheEnd(body);
            record = new S3ObjectRecord(bucket.Name, key, body.BytesRead, Convert.ToHexStringLower(body.Md5), time.GetUtcNow(),
                write.Headers, body.Checksum, PartsCount: null, blob);
        }
        catch (Exception e)
        {
            await reclaimer.ReclaimNowAsync(blob).ConfigureAwait(false);
            if (S3Uploads.ContentFailureOf(e) is { } failure)
            {
                return failure;
            }

            throw;
        }

        // The bytes are in place: record them even if the client is gone by now. The quota is checked in the same
        // transaction, against the size actually stored.
        var outcome = await store.PutObjectAsync(record, time.GetUtcNow(), quota, CancellationToken.None).ConfigureAwait(false);
        if (!outcome.Recorded)
        {
            await reclaimer.ReclaimNowAsync(blob).ConfigureAwait(false);
            return S3Uploads.QuotaExceeded(quota);
        }

        if (outcome.Replaced is { } old)
        {
            await reclaimer.ReclaimNowAsync(old).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>Whether the account's usage, with this object replacing the key's current one, would pass the quota.</summary>
    private async Task<bool> WouldExceedAsync(S3Bucket bucket, string key, long size, long quota, CancellationToken cancellationToken)
    {
        var held = await usage.GetAccountUsageAsync(bucket.AccountId, cancellationToken).ConfigureAwait(false);
        var replaced = (await store.GetObjectAsync(bucket.Name, key, cancellationToken).ConfigureAwait(false))?.Size ?? 0;
        return held - replaced + size > quota;
    }

    /// <summary>The object's record, or NoSuchKey. In the projects bucket, the bucket's account's project file.</summary>
    public async Task<Result<S3ObjectRecord>> HeadAsync(S3Bucket bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var record = projectsBucket.Is(bucket.Name)
            ? await projectsBucket.GetAsync(bucket.AccountId, key, cancellationToken).ConfigureAwait(false)
            : await store.GetObjectAsync(bucket.Name, key, cancellationToken).ConfigureAwait(false);
        return record is null ? StowageErrors.ObjectNotFound : record;
    }

    /// <summary>
    /// The object and its bytes from <paramref name="offset"/>, or NoSuchKey. A concurrent write may replace the
    /// object between reading its record and opening its blob (and reclaim the old blob): then the new record
    /// is read, so the bytes served are always those of the record returned.
    /// </summary>
    public async Task<Result<ObjectContent>> OpenAsync(S3Bucket bucket, string key, long offset, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            if (!record.IsSuccess)
            {
                return record.Failure;
            }

            var bytes = await OpenAsync(record.Value, offset, cancellationToken).ConfigureAwait(false);
            if (bytes.IsSuccess || attempt == MaxOpenAttempts)
            {
                return bytes.IsSuccess ? new ObjectContent(record.Value, bytes.Value) : bytes.Failure;
            }
        }
    }

    /// <summary>
    /// The bytes of an object whose record the caller has read (to judge preconditions and ranges against
    /// it) from <paramref name="offset"/>, or NoSuchKey when they are gone (the object was replaced or deleted since).
    /// </summary>
    public async Task<Result<Stream>> OpenAsync(S3ObjectRecord record, long offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var stream = await blobs.OpenReadAsync(record.Blob, offset, cancellationToken).ConfigureAwait(false);
        return stream is null ? StowageErrors.ObjectNotFound : stream;
    }

    /// <summary>Deletes the object and its bytes; deleting a missing key succeeds, as in S3.</summary>
    public async Task DeleteAsync(S3Bucket bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);

        // Record first (listing its blob for reclaiming in the same transaction): from then on the object is
        // gone for every reader, and its bytes are deleted now or, should that fail, by the next sweep.
        var deleted = await store.DeleteObjectAsync(bucket.Name, key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (deleted is not null)
        {
            await reclaimer.ReclaimNowAsync(deleted.Blob).ConfigureAwait(false);
        }
    }
}
