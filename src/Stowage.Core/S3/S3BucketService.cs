using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>Buckets: created by operators (CLI, configuration) and, idempotently, by CreateBucket.</summary>
public sealed class S3BucketService(IS3Store store, TimeProvider time)
{
    /// <summary>Whether <paramref name="name"/> follows S3's general-purpose bucket naming rules.</summary>
    public static bool IsValidName(string? name) => S3BucketNames.IsValid(name);

    /// <summary>
    /// Creates the bucket for the account, or returns it when the account already owns it (rclone sends
    /// CreateBucket before every upload; us-east-1 answers 200 there too). InvalidBucketName; BucketAlreadyExists
    /// when another account owns it.
    /// </summary>
    public async Task<Result<S3Bucket>> CreateAsync(string accountId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        if (!S3BucketNames.IsValid(name))
        {
            return Failure.Because(StowageErrors.InvalidBucketName,
                "Bucket names are 3 to 63 lowercase letters, digits, dots and hyphens, start and end with a letter or digit, " +
                "and are not formatted as an IP address (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).");
        }

        var existing = await store.GetBucketAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            var bucket = new S3Bucket(name, accountId, time.GetUtcNow());
            if (await store.CreateBucketAsync(bucket, cancellationToken).ConfigureAwait(false))
            {
                return bucket;
            }

            // Lost a race with another creator: decide as if theirs had been there first.
            existing = await store.GetBucketAsync(name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Bucket '{name}' could not be created nor found.");
        }

        return existing.AccountId == accountId ? existing : StowageErrors.BucketAlreadyExists;
    }

    /// <summary>The bucket if the principal's account owns it: NoSuchBucket when missing, AccessDenied when another account's.</summary>
    public async Task<Result<S3Bucket>> GetAsync(Principal principal, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var bucket = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (bucket is null)
        {
            return StowageErrors.BucketNotFound;
        }

        return bucket.AccountId == principal.AccountId
            ? bucket
            : Failure.Because(StowageErrors.AccessDenied, $"The bucket '{name}' belongs to another account.");
    }

    /// <summary>The bucket whoever owns it, or null (for operators' tools: the CLI).</summary>
    public async Task<S3Bucket?> FindAsync(string name, CancellationToken cancellationToken) =>
        S3BucketNames.IsValid(name) ? await store.GetBucketAsync(name, cancellationToken).ConfigureAwait(false) : null;

    public Task<IReadOnlyList<S3Bucket>> ListAsync(string? accountId, CancellationToken cancellationToken) =>
        store.ListBucketsAsync(accountId, cancellationToken);
}
