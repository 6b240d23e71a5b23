#pragma warning disable CS9113, IDE0052 // Skeleton until the S3 services are implemented; remove with the first real body.
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>Buckets: created by operators (CLI, configuration) and, idempotently, by CreateBucket.</summary>
public sealed class S3BucketService(IS3Store store, TimeProvider time)
{
    /// <summary>
    /// Creates the bucket for the account, or returns it when the account already owns it (rclone sends
    /// CreateBucket before every upload). InvalidBucketName; BucketAlreadyExists when another account owns it.
    /// </summary>
    public Task<Result<S3Bucket>> CreateAsync(string accountId, string name, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The bucket if the principal's account owns it: NoSuchBucket when missing, AccessDenied when another account's.</summary>
    public Task<Result<S3Bucket>> GetAsync(S3Principal principal, string name, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<S3Bucket>> ListAsync(string? accountId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
