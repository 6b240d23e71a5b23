using Stowage.Core.Capacity;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// DELETE /{bucket}/{key}?uploadId=U (docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html): 204.
/// It frees space, so it works on a full disk too (the storage reserve goes if even the records' deletion finds no room).
/// </summary>
internal sealed class AbortMultipartUpload(S3MultipartService multipart, StorageCapacity capacity) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var uploadId = call.Query("uploadId") ?? string.Empty;
        var failure = await capacity.FreeingAsync(() => multipart.AbortAsync(call.RequiredBucket, call.Key, uploadId, call.Aborted)).ConfigureAwait(false);
        if (failure is not null)
        {
            await call.FailAsync(failure).ConfigureAwait(false);
            return;
        }

        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
