#pragma warning disable CS9113, IDE0052 // Skeleton until the S3 services are implemented; remove with the first real body.
using Microsoft.Extensions.Options;
using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// Single objects: PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2. The bytes of object
/// bucket/key are the blob at the same bucket/key, so every protocol sees the same object.
/// Authorization is the front door's job (S3CredentialService.Authorize) before it calls here.
/// </summary>
public sealed class S3ObjectService(IS3Store store, IBlobStore blobs, IOptions<S3Options> options, IOptions<DurabilityOptions> durability, TimeProvider time)
{
    /// <summary>
    /// Stores the body as the object, computing its MD5 (the ETag) and the requested checksum while it streams,
    /// and verifying Content-MD5 (BadDigest) and the expected checksum (BadDigest) before the object becomes
    /// visible: on any failure, or an exception from <paramref name="content"/>, the previous object stays.
    /// EntityTooLarge above MaxObjectBytes.
    /// </summary>
    public Task<Result<S3ObjectRecord>> PutAsync(S3Bucket bucket, string key, Stream content, long? declaredLength, ObjectWrite write, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The object's record, or NoSuchKey.</summary>
    public Task<Result<S3ObjectRecord>> HeadAsync(S3Bucket bucket, string key, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The object and its bytes from <paramref name="offset"/>, or NoSuchKey.</summary>
    public Task<Result<ObjectContent>> OpenAsync(S3Bucket bucket, string key, long offset, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Deletes the object and its bytes; deleting a missing key succeeds, as in S3.</summary>
    public Task DeleteAsync(S3Bucket bucket, string key, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>ListObjectsV2: InvalidArgument for a bad continuation token or max-keys.</summary>
    public Task<Result<ObjectListing>> ListAsync(S3Bucket bucket, ObjectListRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
