using Stowage.Core.Errors;

namespace Stowage.Core.S3;

public sealed partial class S3CredentialService
{
    /// <summary>The canned ACL seeds 000 and 001 tell uploaders to send (<c>--acl bucket-owner-full-control</c>).</summary>
    public const string RequiredCannedAcl = "bucket-owner-full-control";

    /// <summary>
    /// Null when the principal may perform the action on bucket/key; AccessDenied otherwise. A scoped principal
    /// may only PutObject and run the multipart operations on its one key, and PutObject and
    /// CreateMultipartUpload must carry <paramref name="cannedAcl"/> "bucket-owner-full-control" (seeds 000/001:
    /// "Ensure you're including --acl bucket-owner-full-control on the upload"). An unscoped principal (an
    /// account's own key) is not limited here: that the bucket is the account's is checked by
    /// <see cref="S3BucketService.GetAsync"/>. The projects bucket has rules of its own (<see cref="S3ProjectsBucket.Authorize"/>):
    /// read-only, and only to an account's own keys.
    /// </summary>
    public Failure? Authorize(S3Principal principal, S3Action action, string? bucket, string? key, string? cannedAcl)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (projectsBucket.Is(bucket))
        {
            return projectsBucket.Authorize(principal, action);
        }

        if (principal.Scope is not { } scope)
        {
            return null;
        }

        if (!IsAllowedForScoped(action))
        {
            return Denied($"These temporary credentials allow only uploading s3://{scope.Bucket}/{scope.Key} (PutObject and the multipart upload operations), not {action}.");
        }

        if (!string.Equals(bucket, scope.Bucket, StringComparison.Ordinal) || !string.Equals(key, scope.Key, StringComparison.Ordinal))
        {
            return Denied($"These temporary credentials allow only s3://{scope.Bucket}/{scope.Key}.");
        }

        if (action is S3Action.PutObject or S3Action.CreateMultipartUpload && !string.Equals(cannedAcl, RequiredCannedAcl, StringComparison.Ordinal))
        {
            return Denied($"Uploads with these temporary credentials must send x-amz-acl: {RequiredCannedAcl}.");
        }

        return null;
    }

    private static bool IsAllowedForScoped(S3Action action) => action is S3Action.PutObject
        or S3Action.CreateMultipartUpload
        or S3Action.UploadPart
        or S3Action.CompleteMultipartUpload
        or S3Action.ListParts
        or S3Action.AbortMultipartUpload;

    private static Failure Denied(string reason) => S3Failures.WithMessage(S3Errors.AccessDenied, reason);
}
