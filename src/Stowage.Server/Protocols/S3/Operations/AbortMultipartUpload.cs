using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>DELETE /{bucket}/{key}?uploadId=U (docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html): 204.</summary>
internal sealed class AbortMultipartUpload(S3MultipartService multipart) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var failure = await multipart.AbortAsync(call.RequiredBucket, call.Key, call.Query("uploadId") ?? string.Empty, call.Aborted).ConfigureAwait(false);
        if (failure is not null)
        {
            await call.FailAsync(failure).ConfigureAwait(false);
            return;
        }

        call.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
