using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Operations;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// Picks the operation from the method, the addressed bucket/key and the sub-resource in the query
/// (docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html). Query
/// parameters that are not sub-resources (x-id, presigned auth, response-* overrides, list parameters)
/// do not change the operation; a sub-resource this server does not implement gets NotImplemented rather
/// than being mistaken for a plain object operation.
/// </summary>
internal static class S3Router
{
    private static readonly string[] UnsupportedSubresources =
    [
        "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering",
        "inventory", "legal-hold", "lifecycle", "logging", "metrics", "notification", "object-lock", "ownershipControls",
        "policy", "policyStatus", "publicAccessBlock", "replication", "requestPayment", "restore", "retention",
        "select", "tagging", "torrent", "versioning", "versions", "versionId", "website",
    ];

    public static S3Route Select(HttpRequest request, S3Target target)
    {
        var query = request.Query;
        if (UnsupportedSubresources.FirstOrDefault(query.ContainsKey) is { } subresource)
        {
            var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            return S3Route.NotImplemented($"The '{subresource}' sub-resource", reads ? S3Action.UnimplementedRead : S3Action.UnimplementedWrite);
        }

        if (target.Bucket is null)
        {
            return HttpMethods.IsGet(request.Method) ? S3Route.To<ListBuckets>(S3Action.ListBuckets) : S3Route.MethodNotAllowed();
        }

        return target.Key is null ? SelectBucketOperation(request) : SelectObjectOperation(request);
    }

    private static S3Route SelectBucketOperation(HttpRequest request)
    {
        var query = request.Query;
        var method = request.Method;
        if (HttpMethods.IsGet(method))
        {
            if (query.ContainsKey("uploads"))
            {
                return S3Route.To<ListMultipartUploads>(S3Action.ListMultipartUploads);
            }

            if (query.ContainsKey("location"))
            {
                return S3Route.To<GetBucketLocation>(S3Action.HeadBucket);
            }

            return S3Route.To<ListObjects>(S3Action.ListObjects);
        }

        if (HttpMethods.IsHead(method))
        {
            return S3Route.To<HeadBucket>(S3Action.HeadBucket);
        }

        if (HttpMethods.IsPut(method))
        {
            return S3Route.To<CreateBucket>(S3Action.CreateBucket);
        }

        return HttpMethods.IsDelete(method) ? S3Route.NotImplemented("DeleteBucket") : S3Route.MethodNotAllowed();
    }

    private static S3Route SelectObjectOperation(HttpRequest request)
    {
        var query = request.Query;
        var method = request.Method;
        var hasUploadId = query.ContainsKey("uploadId");
        if (HttpMethods.IsPut(method))
        {
            if (request.Headers.ContainsKey("x-amz-copy-source"))
            {
                return S3Route.NotImplemented(hasUploadId ? "UploadPartCopy" : "CopyObject");
            }

            return hasUploadId || query.ContainsKey("partNumber")
                ? S3Route.To<UploadPart>(S3Action.UploadPart)
                : S3Route.To<PutObject>(S3Action.PutObject);
        }

        if (HttpMethods.IsGet(method))
        {
            return hasUploadId ? S3Route.To<ListParts>(S3Action.ListParts) : S3Route.To<GetObject>(S3Action.GetObject);
        }

        if (HttpMethods.IsHead(method))
        {
            return S3Route.To<GetObject>(S3Action.HeadObject);
        }

        if (HttpMethods.IsDelete(method))
        {
            return hasUploadId ? S3Route.To<AbortMultipartUpload>(S3Action.AbortMultipartUpload) : S3Route.To<DeleteObject>(S3Action.DeleteObject);
        }

        if (HttpMethods.IsPost(method))
        {
            if (query.ContainsKey("uploads"))
            {
                return S3Route.To<CreateMultipartUpload>(S3Action.CreateMultipartUpload);
            }

            return hasUploadId ? S3Route.To<CompleteMultipartUpload>(S3Action.CompleteMultipartUpload) : S3Route.NotImplemented("POST Object");
        }

        return S3Route.MethodNotAllowed();
    }
}
