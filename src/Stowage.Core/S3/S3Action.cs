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
}
