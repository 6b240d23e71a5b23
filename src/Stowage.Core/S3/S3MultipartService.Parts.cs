using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

public sealed partial class S3MultipartService
{
    /// <summary>S3's part numbers: 1 to 10,000 (docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</summary>
    public const int MaxPartNumber = 10_000;

    /// <summary>
    /// Stores one part (a re-sent part replaces the earlier one). InvalidArgument for a part number outside
    /// 1..10000, NoSuchUpload when the upload is unknown or belongs to another bucket/key, EntityTooLarge above
    /// MaxObjectBytes, BadDigest as for PutObject (<see cref="S3ObjectService.PutAsync"/>, whose rules for
    /// <paramref name="declaredLength"/> and <see cref="S3ContentException"/> apply too). The part's checksum is
    /// the one the request names, else the upload's (x-amz-checksum-algorithm at creation). Parts count toward
    /// the bucket's account's usage: a part that would take it over its quota is QuotaExceeded, before a byte is
    /// read when its declared length says so, else as soon as its bytes pass the room left.
    /// </summary>
    public async Task<Result<PartRecord>> UploadPartAsync(S3Bucket bucket, string key, string uploadId, int partNumber, Stream content, long? declaredLength, ObjectWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(write);
        if (partNumber is < 1 or > MaxPartNumber)
        {
            return new Failure(
                StowageErrors.InvalidField,
                new Dictionary<string, object?> { ["ArgumentName"] = "partNumber", ["ArgumentValue"] = partNumber },
                reason: $"Part number must be an integer between 1 and {MaxPartNumber}, inclusive");
        }

        if (S3Uploads.CheckDeclaredLength(declaredLength, _options.MaxObjectBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        var upload = await GetAsync(bucket, key, uploadId, cancellationToken).ConfigureAwait(false);
        if (!upload.IsSuccess)
        {
            return upload.Failure;
        }

        var algorithm = PartChecksumAlgorithm(upload.Value, write);
        if (!algorithm.IsSuccess)
        {
            return algorithm.Failure;
        }

        var quota = policy.QuotaOf(await accounts.GetAccountAsync(bucket.AccountId, cancellationToken).ConfigureAwait(false));
        var room = quota is { } limit ? await RoomAsync(bucket, uploadId, partNumber, limit, cancellationToken).ConfigureAwait(false) : (QuotaRoom?)null;
        if (room is { } left && declaredLength > left.Bytes)
        {
            return S3Uploads.QuotaExceeded(quota);
        }

        var target = upload.Value.Blob;
        using var digest = new S3ContentDigest(algorithm.Value);
        await using var body = new S3ContentStream(content, digest, _options.MaxObjectBytes, declaredLength, write, room);
        try
        {
            await composer.PutPartAsync(target, uploadId, partNumber, body, _durable, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Uploads.ContentFailureOf(e) is { } failure)
        {
            return failure;
        }

        S3Uploads.EnsureReadToTheEnd(body);
        var part = new PartRecord(uploadId, partNumber, body.BytesRead, Convert.ToHexStringLower(body.Md5), body.Checksum, time.GetUtcNow());
        return await RecordPartAsync(bucket, key, part, target, quota).ConfigureAwait(false);
    }

    /// <summary>
    /// What the quota leaves this part: the account's usage counts the part it replaces, whose bytes go. A first
    /// look, before any byte is read; the exact check is made where the part is recorded.
    /// </summary>
    private async Task<QuotaRoom> RoomAsync(S3Bucket bucket, string uploadId, int partNumber, long quota, CancellationToken cancellationToken)
    {
        var held = await usage.GetAccountUsageAsync(bucket.AccountId, cancellationToken).ConfigureAwait(false);
        var replaced = (await store.ListPartsAsync(uploadId, partNumber - 1, 1, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(p => p.PartNumber == partNumber)?.Size ?? 0;
        return new QuotaRoom(Math.Max(0, quota - held + replaced), quota);
    }

    /// <summary>
    /// Records the written part under the upload's lock, so a Complete or Abort sees it either entirely
    /// or not at all. When the upload ended while the part streamed, its file is removed: NoSuchUpload.
    /// When other writes of the account took the room meanwhile, the quota refuses it; its bytes have replaced
    /// the earlier part of that number already, so that part goes too, record and bytes (an empty part file
    /// frees them): QuotaExceeded. The bytes are in place, so this runs to its end even if the client is gone.
    /// </summary>
    private async Task<Result<PartRecord>> RecordPartAsync(S3Bucket bucket, string key, PartRecord part, ObjectRef target, long? quota)
    {
        await using (var held = await locks.TryAcquireAsync(LockName(part.UploadId), LockWait, CancellationToken.None).ConfigureAwait(false))
        {
            if (held is null)
            {
                return Busy();
            }

            if ((await GetAsync(bucket, key, part.UploadId, CancellationToken.None).ConfigureAwait(false)).IsSuccess)
            {
                switch (await store.PutPartAsync(part, quota, CancellationToken.None).ConfigureAwait(false))
                {
                    case ObjectRecordOutcome.Recorded:
                        return part;
                    case ObjectRecordOutcome.QuotaExceeded:
                        await store.DeletePartAsync(part.UploadId, part.PartNumber, CancellationToken.None).ConfigureAwait(false);
                        await composer.PutPartAsync(target, part.UploadId, part.PartNumber, Stream.Null, _durable, CancellationToken.None).ConfigureAwait(false);
                        return S3Uploads.QuotaExceeded(quota);
                }
            }
        }

        await composer.AbortAsync(target, part.UploadId, CancellationToken.None).ConfigureAwait(false);
        return StowageErrors.MultipartUploadNotFound;
    }

    /// <summary>The request's algorithm, else the upload's; InvalidRequest when they differ, as S3 answers.</summary>
    private static Result<ChecksumAlgorithm?> PartChecksumAlgorithm(MultipartUploadRecord upload, ObjectWrite write)
    {
        if (write.ComputeChecksum is { } requested && upload.ChecksumAlgorithm is { } declared && requested != declared)
        {
            return Failure.Because(StowageErrors.InvalidRequest,
                $"Checksum Type mismatch occurred, expected checksum Type: {ChecksumNames.Name(declared).ToLowerInvariant()}, actual checksum Type: {ChecksumNames.Name(requested).ToLowerInvariant()}");
        }

        return write.ComputeChecksum ?? upload.ChecksumAlgorithm;
    }
}
