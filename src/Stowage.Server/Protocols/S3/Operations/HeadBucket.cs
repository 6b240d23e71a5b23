namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>HEAD /{bucket} (docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html): 200 with the region; the dispatcher answered 404/403 already.</summary>
internal sealed class HeadBucket(Microsoft.Extensions.Options.IOptions<Core.S3.S3Options> options) : IS3Operation
{
    public Task HandleAsync(S3Call call)
    {
        call.Response.Headers["x-amz-bucket-region"] = options.Value.Region;
        call.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }
}
