using Stowage.Core.Errors;
using System.Globalization;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>PUT /{bucket}/{key}?partNumber=N&amp;uploadId=U (docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html).</summary>
internal sealed class UploadPart(S3MultipartService multipart) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var uploadId = call.Query("uploadId");
        if (string.IsNullOrEmpty(uploadId))
        {
            await call.FailAsync(StowageErrors.InvalidField, "UploadPart needs an uploadId.").ConfigureAwait(false);
            return;
        }

        if (!int.TryParse(call.Query("partNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber))
        {
            await call.FailAsync(StowageErrors.InvalidField, "Part number must be an integer between 1 and 10000, inclusive").ConfigureAwait(false);
            return;
        }

        var prepared = S3UploadRequest.Prepare(call, storeHeaders: false);
        if (!prepared.IsSuccess)
        {
            await call.FailAsync(prepared.Failure).ConfigureAwait(false);
            return;
        }

        var (content, length, write) = prepared.Value;
        var part = await multipart.UploadPartAsync(call.RequiredBucket, call.Key, uploadId, partNumber, content, length, write, call.Aborted).ConfigureAwait(false);
        if (!part.IsSuccess)
        {
            await call.FailAsync(part.Failure).ConfigureAwait(false);
            return;
        }

        S3UploadRequest.Answer(call.Response, part.Value.ETag, part.Value.Checksum);
    }
}
