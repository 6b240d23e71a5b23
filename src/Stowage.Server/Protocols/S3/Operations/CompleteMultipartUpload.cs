using Stowage.Core.Errors;
using System.Buffers;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Xml;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// POST /{bucket}/{key}?uploadId=U (docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html).
/// The core validates the part list and composes the parts without copying their bytes.
/// </summary>
internal sealed class CompleteMultipartUpload(S3MultipartService multipart) : IS3Operation
{
    /// <summary>10,000 parts of about 250 bytes of XML each (with a checksum element), with room to spare.</summary>
    private const int MaxBodyBytes = 4 << 20;

    public async Task HandleAsync(S3Call call)
    {
        // Checked before completing: the answer names the key, and an object must not appear behind a failed answer.
        if (S3XmlEcho.Key(call.Key) is { } unnameable)
        {
            await call.FailAsync(unnameable).ConfigureAwait(false);
            return;
        }

        var uploadId = call.Query("uploadId") ?? string.Empty;
        var body = await ReadBodyAsync(call.Auth.Body.Content, call.Aborted).ConfigureAwait(false);
        if (body is null)
        {
            await call.FailAsync(StowageErrors.MalformedBody, $"The CompleteMultipartUpload body is larger than {MaxBodyBytes} bytes.").ConfigureAwait(false);
            return;
        }

        var parts = CompleteMultipartUploadBody.Parse(body.Value);
        if (parts is null)
        {
            await call.FailAsync(StowageErrors.MalformedBody).ConfigureAwait(false);
            return;
        }

        var completed = await multipart.CompleteAsync(call.RequiredBucket, call.Key, uploadId, parts, call.Aborted).ConfigureAwait(false);
        if (!completed.IsSuccess)
        {
            await call.FailAsync(completed.Failure).ConfigureAwait(false);
            return;
        }

        var request = call.Request;
        var location = $"{request.Scheme}://{request.Host}/{Uri.EscapeDataString(call.RequiredBucket.Name)}/{Uri.EscapeDataString(call.Key).Replace("%2F", "/", StringComparison.Ordinal)}";
        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("CompleteMultipartUploadResult", S3Xml.Namespace);
            writer.WriteElementString("Location", location);
            writer.WriteElementString("Bucket", call.RequiredBucket.Name);
            writer.WriteElementString("Key", call.Key);
            writer.WriteElementString("ETag", S3Xml.QuotedETag(completed.Value.ETag));
            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await content.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }
}
