using Microsoft.Extensions.Options;
using Stowage.Core.Errors;
using Stowage.Core.Storage;

namespace Stowage.Core.S3;

/// <summary>
/// Single objects: PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2. The bytes of object
/// bucket/key are the blob at the same bucket/key, so every protocol sees the same object.
/// Authorization is the front door's job (S3CredentialService.Authorize) before it calls here.
/// </summary>
public sealed partial class S3ObjectService(IS3Store store, IBlobStore blobs, IOptions<S3Options> options, IOptions<DurabilityOptions> durability, TimeProvider time)
{
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

        if (S3Uploads.CheckDeclaredLength(declaredLength, _options.MaxObjectBytes) is { } tooLarge)
        {
            return tooLarge;
        }

        using var digest = new S3ContentDigest(write.ComputeChecksum);
        await using var body = new S3ContentStream(content, digest, _options.MaxObjectBytes, declaredLength, write);
        try
        {
            await blobs.PutAsync(new ObjectRef(bucket.Name, key), body, _durable, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (S3Uploads.ContentFailureOf(e) is { } failure)
        {
            return failure;
        }

        S3Uploads.EnsureReadToTheEnd(body);
        var record = new S3ObjectRecord(bucket.Name, key, body.BytesRead, Convert.ToHexStringLower(body.Md5), time.GetUtcNow(),
            write.Headers, body.Checksum, PartsCount: null);

        // The bytes are in place: record them even if the client is gone by now.
        await store.PutObjectAsync(record, CancellationToken.None).ConfigureAwait(false);
        return record;
    }

    /// <summary>The object's record, or NoSuchKey.</summary>
    public async Task<Result<S3ObjectRecord>> HeadAsync(S3Bucket bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var record = await store.GetObjectAsync(bucket.Name, key, cancellationToken).ConfigureAwait(false);
        return record is null ? S3Errors.NoSuchKey : record;
    }

    /// <summary>The object and its bytes from <paramref name="offset"/>, or NoSuchKey.</summary>
    public async Task<Result<ObjectContent>> OpenAsync(S3Bucket bucket, string key, long offset, CancellationToken cancellationToken)
    {
        var record = await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        if (!record.IsSuccess)
        {
            return record.Failure;
        }

        var bytes = await OpenAsync(record.Value, offset, cancellationToken).ConfigureAwait(false);
        return bytes.IsSuccess ? new ObjectContent(record.Value, bytes.Value) : bytes.Failure;
    }

    /// <summary>
    /// The bytes of an object whose record the caller has read (to judge preconditions and ranges against
    /// it) from <paramref name="offset"/>, or NoSuchKey when they are gone.
    /// </summary>
    public async Task<Result<Stream>> OpenAsync(S3ObjectRecord record, long offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var stream = await blobs.OpenReadAsync(new ObjectRef(record.Bucket, record.Key), offset, cancellationToken).ConfigureAwait(false);

        // A record without bytes is an object deleted since its record was read (the record goes first).
        return stream is null ? S3Errors.NoSuchKey : stream;
    }

    /// <summary>Deletes the object and its bytes; deleting a missing key succeeds, as in S3.</summary>
    public async Task DeleteAsync(S3Bucket bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);

        // Record first: from then on the object is gone for every reader, whatever becomes of the bytes.
        await store.DeleteObjectAsync(bucket.Name, key, cancellationToken).ConfigureAwait(false);
        await blobs.DeleteAsync(new ObjectRef(bucket.Name, key), CancellationToken.None).ConfigureAwait(false);
    }
}
