using System.Globalization;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>GET /{bucket}?uploads (docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html), without delimiter grouping.</summary>
internal sealed class ListMultipartUploads(S3MultipartService multipart) : IS3Operation
{
    private const int DefaultMaxUploads = 1000;

    public async Task HandleAsync(S3Call call)
    {
        var maxText = call.Query("max-uploads");
        var maxUploads = DefaultMaxUploads;
        if (maxText is not null && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxUploads)))
        {
            await call.FailAsync(S3Errors.InvalidArgument, "max-uploads must be a non-negative integer.").ConfigureAwait(false);
            return;
        }

        maxUploads = Math.Min(maxUploads, DefaultMaxUploads);
        var prefix = call.Query("prefix") ?? string.Empty;
        var keyMarker = call.Query("key-marker") is { Length: > 0 } k ? k : null;
        var uploadIdMarker = call.Query("upload-id-marker") is { Length: > 0 } u ? u : null;
        var uploads = await multipart.ListUploadsAsync(call.RequiredBucket, prefix, keyMarker, uploadIdMarker, maxUploads + 1, call.Aborted).ConfigureAwait(false);
        var truncated = uploads.Count > maxUploads;
        var page = truncated ? uploads.Take(maxUploads).ToList() : uploads;
        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("ListMultipartUploadsResult", S3Xml.Namespace);
            writer.WriteElementString("Bucket", call.RequiredBucket.Name);
            writer.WriteElementString("KeyMarker", keyMarker ?? string.Empty);
            writer.WriteElementString("UploadIdMarker", uploadIdMarker ?? string.Empty);
            writer.Element("NextKeyMarker", truncated ? page[^1].Key : null);
            writer.Element("NextUploadIdMarker", truncated ? page[^1].UploadId : null);
            writer.WriteElementString("Prefix", prefix);
            writer.WriteElementString("MaxUploads", maxUploads.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("IsTruncated", truncated ? "true" : "false");
            foreach (var upload in page)
            {
                writer.WriteStartElement("Upload");
                writer.WriteElementString("Key", upload.Key);
                writer.WriteElementString("UploadId", upload.UploadId);
                writer.WriteElementString("StorageClass", "STANDARD");
                writer.WriteElementString("Initiated", S3Xml.Timestamp(upload.Initiated));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }
}
