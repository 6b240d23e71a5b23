using Stowage.Core.Accounts;
using Stowage.Core.Errors;

namespace Stowage.Core.S3;

/// <summary>
/// Buckets: created by operators (CLI, configuration) and, idempotently, by CreateBucket. The projects bucket
/// (<see cref="S3ProjectsBucket"/>) has no record: its name is reserved, and each account is shown its own view of it.
/// </summary>
public sealed class S3BucketService(IS3Store store, S3ProjectsBucket projectsBucket, TimeProvider time)
{
    /// <summary>Whether <paramref name="name"/> follows S3's general-purpose bucket naming rules.</summary>
    public static bool IsValidName(string? name) => S3BucketNames.IsValid(name);

    /// <summary>
    /// Creates the bucket for the account, or returns it when the account already owns it (rclone sends
    /// CreateBucket before every upload; us-east-1 answers 200 there too). InvalidBucketName; BucketAlreadyExists
    /// when another account owns it, and for the name of the projects bucket.
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

        if (projectsBucket.Is(name))
        {
            return projectsBucket.ReservedName;
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

    /// <summary>
    /// The bucket if the principal's account owns it: NoSuchBucket when missing, AccessDenied when another account's.
    /// The projects bucket is the principal's account's view of it (what the principal may do there is
    /// <see cref="S3ProjectsBucket.Authorize"/>'s to say).
    /// </summary>
    public async Task<Result<S3Bucket>> GetAsync(Principal principal, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (projectsBucket.Is(name))
        {
            return await projectsBucket.ViewAsync(principal.AccountId, cancellationToken).ConfigureAwait(false);
        }

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

    /// <summary>The buckets with records, of one account or all (for operators' tools: the CLI).</summary>
    public Task<IReadOnlyList<S3Bucket>> ListAsync(string? accountId, CancellationToken cancellationToken) =>
        store.ListBucketsAsync(accountId, cancellationToken);

    /// <summary>
    /// ListBuckets: the principal's account's buckets by name, the projects bucket among them when the principal may
    /// list it, i.e. for the account's own keys (docs/protocols/s3.md, "The projects bucket": listed, so that <c>aws s3 ls</c> shows where the projects are).
    /// </summary>
    public async Task<IReadOnlyList<S3Bucket>> ListForAsync(Principal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var owned = await store.ListBucketsAsync(principal.AccountId, cancellationToken).ConfigureAwait(false);
        if (projectsBucket.Authorize(principal, S3Action.ListObjects) is not null)
        {
            return owned;
        }

        var view = await projectsBucket.ViewAsync(principal.AccountId, cancellationToken).ConfigureAwait(false);
        return view.IsSuccess ? [.. owned.Append(view.Value).OrderBy(b => b.Name, StringComparer.Ordinal)] : owned;
    }

    /// <summary>
    /// A bucket with a record under the projects bucket's name, left by a data directory from before the name was
    /// reserved (or before it was configured so): the projects bucket would hide it, so the server does not start.
    /// </summary>
    public Task<S3Bucket?> FindHiddenByProjectsBucketAsync(CancellationToken cancellationToken) =>
        store.GetBucketAsync(projectsBucket.Name, cancellationToken);
}
