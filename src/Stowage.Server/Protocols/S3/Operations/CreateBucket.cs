using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// PUT /{bucket} (docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html). Idempotent for the owner,
/// because rclone sends it before every upload (SUMMARY, "rclone"); a configuration body (location
/// constraint) is accepted and ignored: one server, one region.
/// </summary>
internal sealed class CreateBucket(S3BucketService buckets) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var created = await buckets.CreateAsync(call.Principal.AccountId, call.Target.Bucket!, call.Aborted).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            await call.FailAsync(created.Failure).ConfigureAwait(false);
            return;
        }

        call.Response.Headers.Location = "/" + created.Value.Name;
        call.Response.StatusCode = StatusCodes.Status200OK;
        call.Response.ContentLength = 0;
    }
}
