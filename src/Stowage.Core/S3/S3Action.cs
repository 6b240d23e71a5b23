namespace Stowage.Core.S3;

/// <summary>The S3 operations Stowage answers; a credential's policy allows a subset of them.</summary>
public enum S3Action
{
    ListBuckets,
    CreateBucket,
    HeadBucket,
    ListObjects,
    GetObject,
    HeadObject,
    PutObject,
    DeleteObject,
    CreateMultipartUpload,
    UploadPart,
    CompleteMultipartUpload,
    AbortMultipartUpload,
    ListParts,
    ListMultipartUploads,

    /// <summary>
    /// A GET or HEAD this server does not implement (a sub-resource such as <c>?acl</c> or <c>?tagging</c>): 501
    /// NotImplemented. Named so that authorization can tell it from a write (<see cref="S3ProjectsBucket"/>).
    /// </summary>
    UnimplementedRead,

    /// <summary>
    /// Any other request this server does not implement (CopyObject, DeleteObjects, DeleteBucket, PUT of a
    /// sub-resource, an unknown method): 501 NotImplemented or 405, unless authorization refuses it first, as the
    /// read-only projects bucket does.
    /// </summary>
    UnimplementedWrite,
}
