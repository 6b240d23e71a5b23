using Stowage.Core.Capacity;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// DELETE /{bucket}/{key} (docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html): 204, also for a missing key.
/// It frees space, so it works on a full disk too (the storage reserve goes if even the record's deletion finds no room).
/// </summary>
internal sealed class DeleteObject(S3ObjectService objects, StorageCapacity capacity) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        await capacity.FreeingAsync(() => objects.DeleteAsync(call.RequiredBucket, call.Key, call.Aborted)).ConfigureAwait(false);
        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
