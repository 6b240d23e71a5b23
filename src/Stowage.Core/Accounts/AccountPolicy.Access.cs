using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Core.Accounts;

public sealed partial class AccountPolicy
{
    /// <summary>The canned ACL seeds 000 and 001 tell uploaders to send (<c>--acl bucket-owner-full-control</c>).</summary>
    public const string RequiredCannedAcl = "bucket-owner-full-control";

    /// <summary>Null when the principal holds one of the scopes; insufficient_scope naming the first otherwise.</summary>
    public static Failure? RequireScope(Principal principal, params string[] anyOf)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(anyOf);
        return anyOf.Any(principal.Has) ? null : Failure.With(StowageErrors.InsufficientScope, "required", anyOf[0]);
    }

    /// <summary>Null when the principal's account may write (<c>stowage accounts set NAME --upload-allowed</c>); tariff_forbids_upload otherwise.</summary>
    public static Failure? RequireUpload(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return MayUpload(principal.Account) ? null : Failure.Of(StowageErrors.TariffForbidsUpload);
    }

    /// <summary>
    /// Null when the principal may perform the S3 action on bucket/key; access_denied otherwise. A temporary
    /// credential may only PutObject and run the multipart operations on its one key, and PutObject and
    /// CreateMultipartUpload must carry <paramref name="cannedAcl"/> "bucket-owner-full-control" (seeds 000/001:
    /// "Ensure you're including --acl bucket-owner-full-control on the upload"). An account's own access key is
    /// not limited here: that the bucket is the account's is checked by <see cref="S3BucketService.GetAsync"/>.
    /// A Sessions API key is no S3 credential.
    /// </summary>
    public static Failure? AuthorizeS3(Principal principal, S3Action action, string? bucket, string? key, string? cannedAcl)
    {
        ArgumentNullException.ThrowIfNull(principal);
        switch (principal.Kind)
        {
            case CredentialKind.S3AccessKey:
                return null;
            case CredentialKind.TemporaryCredential when principal.ObjectScope is { } scope:
                return AuthorizeScoped(scope, action, bucket, key, cannedAcl);
            default:
                return Denied("This credential does not grant S3 access.");
        }
    }

    /// <summary>The S3 operations that write an object's bytes or records: refused to an account that may not upload, and on a full disk.</summary>
    public static bool IsUpload(S3Action action) =>
        action is S3Action.PutObject or S3Action.CreateMultipartUpload or S3Action.UploadPart or S3Action.CompleteMultipartUpload;

    private static Failure? AuthorizeScoped(S3KeyScope scope, S3Action action, string? bucket, string? key, string? cannedAcl)
    {
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

    private static Failure Denied(string reason) => Failure.Because(StowageErrors.AccessDenied, reason);
}
