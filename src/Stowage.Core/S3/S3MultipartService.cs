#pragma warning disable CS9113, IDE0052 // Skeleton until the S3 services are implemented; remove with the first real body.
using Microsoft.Extensions.Options;
using Stowage.Core.Checksums;
using Stowage.Core.Errors;
using Stowage.Core.Locks;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// Multipart uploads: create, upload part, complete (validating the part list and composing the parts
/// without copying), abort, list parts, list uploads. Rules from
/// docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html.
/// </summary>
public sealed class S3MultipartService(IS3Store store, IBlobStore blobs, ILockProvider locks, IOptions<S3Options> options, IOptions<DurabilityOptions> durability, TimeProvider time)
{
    public Task<Result<MultipartUploadRecord>> CreateAsync(S3Bucket bucket, string key, string accountId, IReadOnlyDictionary<string, string> headers, ChecksumAlgorithm? checksumAlgorithm, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>
    /// Stores one part (a re-sent part replaces the earlier one). InvalidArgument for a part number outside
    /// 1..10000, NoSuchUpload when the upload is unknown or belongs to another bucket/key, EntityTooLarge above
    /// MaxObjectBytes, BadDigest as for PutObject.
    /// </summary>
    public Task<Result<PartRecord>> UploadPartAsync(S3Bucket bucket, string key, string uploadId, int partNumber, Stream content, long? declaredLength, ObjectWrite write, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>
    /// Completes the upload: MalformedXML for an empty list, InvalidPartOrder when numbers do not ascend,
    /// InvalidPart for a part not stored or whose ETag differs, EntityTooSmall for a part other than the last
    /// below MinPartBytes. The ETag is the MD5 of the parts' binary MD5s, hex, then "-N".
    /// </summary>
    public Task<Result<S3ObjectRecord>> CompleteAsync(S3Bucket bucket, string key, string uploadId, IReadOnlyList<CompletedPart> parts, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Deletes the upload and its parts; NoSuchUpload when unknown.</summary>
    public Task<Failure?> AbortAsync(S3Bucket bucket, string key, string uploadId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<Result<MultipartUploadRecord>> GetAsync(S3Bucket bucket, string key, string uploadId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<PartRecord>> ListPartsAsync(string uploadId, int afterPartNumber, int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<MultipartUploadRecord>> ListUploadsAsync(S3Bucket bucket, string prefix, string? keyMarker, string? uploadIdMarker, int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
