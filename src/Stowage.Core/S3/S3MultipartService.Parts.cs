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
    /// the one the request names, else the upload's (x-amz-checksum-algorithm at creation).
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

        var target = upload.Value.Blob;
        using var digest = new S3ContentDigest(algorithm.Value);
        await using var body = new S3ContentStream(content, digest, _options.MaxObjectBytes, declaredLength, write);
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
        return await RecordPartAsync(bucket, key, part, target).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the written part under the upload's lock, so a Complete or Abort sees it either entirely
    /// or not at all. When the upload ended while the part streamed, its file is removed: NoSuchUpload.
    /// The bytes are in place, so this runs to its end even if the client is gone.
    /// </summary>
    private async Task<Result<PartRecord>> RecordPartAsync(S3Bucket bucket, string key, PartRecord part, ObjectRef target)
    {
        await using (var held = await locks.TryAcquireAsync(LockName(part.UploadId), LockWait, CancellationToken.None).ConfigureAwait(false))
        {
            if (held is null)
            {
                return Busy();
            }

            if ((await GetAsync(bucket, key, part.UploadId, CancellationToken.None).ConfigureAwait(false)).IsSuccess)
            {
                await store.PutPartAsync(part, CancellationToken.None).ConfigureAwait(false);
                return part;
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
