using Microsoft.Extensions.Options;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Projects;

namespace Stowage.Core.S3;

/// <summary>
/// The projects bucket (docs/protocols/s3.md, "The projects bucket"): a read-only bucket, named by
/// <see cref="S3Options.ProjectsBucket"/>, through which an account's own long-lived keys read that account's
/// projects' files as objects <c>{project}/{path}</c>. It has no record of its own: every account sees its own
/// projects under the same name, and nobody else's. Its rules are here: the name is reserved, only an account's own
/// keys may use it, and only to read; and how a project file appears as an object (<see cref="ObjectOf"/>).
/// </summary>
public sealed partial class S3ProjectsBucket(IProjectStore projects, ProjectFileService files, IAccountStore accounts, IOptions<S3Options> options)
{
    public string Name { get; } = options.Value.ProjectsBucket;

    public bool Is(string? bucket) => string.Equals(bucket, Name, StringComparison.Ordinal);

    /// <summary>What creating a bucket of this name answers: taken, by every account's view of its projects.</summary>
    public Failure ReservedName => Failure.Because(StowageErrors.BucketAlreadyExists,
        $"The bucket name '{Name}' is reserved: it is the read-only bucket in which each account reads its own projects' files.");

    /// <summary>
    /// Null when the principal may do the action in this bucket, else AccessDenied saying why. A temporary credential
    /// is scoped to one key of a bucket of its account and never reads here; an account's own key may read (the GET
    /// and HEAD requests: GetObject, HeadObject, the listings, HeadBucket, GetBucketLocation) and do nothing else.
    /// CreateBucket is left to <see cref="S3BucketService.CreateAsync"/>, which answers <see cref="ReservedName"/>.
    /// </summary>
    public Failure? Authorize(Principal principal, S3Action action)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Kind != CredentialKind.S3AccessKey)
        {
            return Failure.Because(StowageErrors.AccessDenied,
                $"Temporary credentials cannot use the bucket '{Name}': its project files are read with one of the account's own access keys.");
        }

        return action == S3Action.CreateBucket || IsRead(action)
            ? null
            : Failure.Because(StowageErrors.AccessDenied,
                $"The bucket '{Name}' is read-only: it shows the account's projects' files. Only GET and HEAD requests are allowed "
                + "(GetObject, HeadObject, ListObjects, ListObjectsV2, HeadBucket, GetBucketLocation).");
    }

    /// <summary>The bucket as the account sees it, dated by the account's creation; NoSuchBucket for an account that is gone.</summary>
    public async Task<Result<S3Bucket>> ViewAsync(string accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        return account is null ? StowageErrors.BucketNotFound : new S3Bucket(Name, account.Id, account.Created);
    }

    /// <summary>The requests that change nothing: every GET and HEAD the router knows (or knows it does not implement).</summary>
    private static bool IsRead(S3Action action) => action is S3Action.HeadBucket
        or S3Action.ListObjects
        or S3Action.GetObject
        or S3Action.HeadObject
        or S3Action.ListMultipartUploads
        or S3Action.ListParts
        or S3Action.UnimplementedRead;
}
