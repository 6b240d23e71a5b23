using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>POST /{bucket}/{key}?uploads (docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html).</summary>
internal sealed class CreateMultipartUpload(S3MultipartService multipart) : IS3Operation
{
    public async Task HandleAsync(S3Call call)
    {
        var headers = S3RequestHeaders.StoredHeaders(call.Request);
        if (!headers.IsSuccess)
        {
            await call.FailAsync(headers.Failure).ConfigureAwait(false);
            return;
        }

        var algorithm = S3RequestHeaders.ChecksumAlgorithmHeader(call.Request);
        if (!algorithm.IsSuccess)
        {
            await call.FailAsync(algorithm.Failure).ConfigureAwait(false);
            return;
        }

        var created = await multipart.CreateAsync(call.RequiredBucket, call.Key, call.Principal.AccountId, headers.Value, algorithm.Value, call.Aborted).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            await call.FailAsync(created.Failure).ConfigureAwait(false);
            return;
        }

        if (call.Request.Headers["x-amz-checksum-algorithm"].ToString() is { Length: > 0 } named)
        {
            call.Response.Headers["x-amz-checksum-algorithm"] = named.ToUpperInvariant();
        }

        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("InitiateMultipartUploadResult", S3Xml.Namespace);
            writer.WriteElementString("Bucket", call.RequiredBucket.Name);
            writer.WriteElementString("Key", call.Key);
            writer.WriteElementString("UploadId", created.Value.UploadId);
            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }
}
