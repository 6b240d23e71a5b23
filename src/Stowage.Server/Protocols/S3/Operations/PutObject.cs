using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>PUT /{bucket}/{key} (docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html): 200 with the ETag.</summary>
internal sealed class PutObject(S3ObjectService objects) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var prepared = S3UploadRequest.Prepare(call, storeHeaders: true);
        if (!prepared.IsSuccess)
        {
            await call.FailAsync(prepared.Failure).ConfigureAwait(false);
            return;
        }

        var (content, length, write) = prepared.Value;
        var stored = await objects.PutAsync(call.RequiredBucket, call.Key, content, length, write, call.Aborted).ConfigureAwait(false);
        if (!stored.IsSuccess)
        {
            await call.FailAsync(stored.Failure).ConfigureAwait(false);
            return;
        }

        S3UploadRequest.Answer(call.Response, stored.Value.ETag, stored.Value.Checksum);
    }
}
