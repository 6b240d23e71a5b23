using Stowage.Core.S3;

namespace Stowage.Metadata.Sqlite;

// Placeholder until the S3 tables land; every member is replaced by the real implementation.
public sealed partial class SqliteMetadataStore
{
    public Task<bool> CreateBucketAsync(S3Bucket bucket, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<S3Bucket?> GetBucketAsync(string name, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<S3Bucket>> ListBucketsAsync(string? accountId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task CreateS3KeyAsync(S3AccessKeyRecord key, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<S3AccessKeyRecord?> GetS3KeyAsync(string accessKeyId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<S3AccessKeyRecord>> ListS3KeysAsync(string? accountId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<bool> RevokeS3KeyAsync(string accessKeyId, DateTimeOffset when, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<S3ObjectRecord?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task PutObjectAsync(S3ObjectRecord obj, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<S3ObjectRecord>> ListObjectsAsync(string bucket, string prefix, string? startAfter, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task CreateMultipartUploadAsync(MultipartUploadRecord upload, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<MultipartUploadRecord?> GetMultipartUploadAsync(string uploadId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<MultipartUploadRecord>> ListMultipartUploadsAsync(string bucket, string prefix, string? keyMarker, string? uploadIdMarker, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task PutPartAsync(PartRecord part, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<PartRecord>> ListPartsAsync(string uploadId, int afterPartNumber, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<bool> CompleteMultipartUploadAsync(string uploadId, S3ObjectRecord obj, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<bool> DeleteMultipartUploadAsync(string uploadId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken) => throw new NotImplementedException();
}
