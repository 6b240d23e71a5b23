using Stowage.Core.Errors;
using System.Globalization;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// GET /{bucket}?uploads (docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html), without delimiter
/// grouping. With <c>encoding-type=url</c> keys, the prefix and the key markers are URL-encoded in the answer; without
/// it, one XML 1.0 cannot carry is 400 InvalidArgument (<see cref="S3XmlEcho"/>).
/// </summary>
internal sealed class ListMultipartUploads(S3MultipartService multipart) : IS3Operation
{
    private const int DefaultMaxUploads = 1000;

    public async Task HandleAsync(S3Call call)
    {
        var maxText = call.Query("max-uploads");
        var maxUploads = DefaultMaxUploads;
        if (maxText is not null && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxUploads)))
        {
            await call.FailAsync(StowageErrors.InvalidField, "max-uploads must be a non-negative integer.").ConfigureAwait(false);
            return;
        }

        var encodingType = call.Query(S3XmlEcho.EncodingType);
        if (encodingType is not null && encodingType != "url")
        {
            await call.FailAsync(StowageErrors.InvalidField, "Invalid Encoding Method specified in Request").ConfigureAwait(false);
            return;
        }

        var encode = encodingType == "url";
        maxUploads = Math.Min(maxUploads, DefaultMaxUploads);
        var prefix = call.Query("prefix") ?? string.Empty;
        var keyMarker = call.Query("key-marker") is { Length: > 0 } k ? k : null;
        var uploadIdMarker = call.Query("upload-id-marker") is { Length: > 0 } u ? u : null;
        var unechoable = S3XmlEcho.Parameter("prefix", prefix, encode)
            ?? S3XmlEcho.Parameter("key-marker", keyMarker, encode)
            ?? S3XmlEcho.VerbatimParameter("upload-id-marker", uploadIdMarker);
        if (unechoable is not null)
        {
            await call.FailAsync(unechoable).ConfigureAwait(false);
            return;
        }

        var uploads = await multipart.ListUploadsAsync(call.RequiredBucket, prefix, keyMarker, uploadIdMarker, maxUploads + 1, call.Aborted).ConfigureAwait(false);
        var truncated = uploads.Count > maxUploads;
        var page = truncated ? uploads.Take(maxUploads).ToList() : uploads;
        if (S3XmlEcho.Listed(page.Select(static upload => upload.Key), encode) is { } unlistable)
        {
            await call.FailAsync(unlistable).ConfigureAwait(false);
            return;
        }

        string Text(string value) => S3XmlEcho.Render(value, encode);
        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("ListMultipartUploadsResult", S3Xml.Namespace);
            writer.WriteElementString("Bucket", call.RequiredBucket.Name);
            writer.WriteElementString("KeyMarker", Text(keyMarker ?? string.Empty));
            writer.WriteElementString("UploadIdMarker", uploadIdMarker ?? string.Empty);
            writer.Element("NextKeyMarker", truncated ? Text(page[^1].Key) : null);
            writer.Element("NextUploadIdMarker", truncated ? page[^1].UploadId : null);
            writer.WriteElementString("Prefix", Text(prefix));
            writer.Element("EncodingType", encodingType);
            writer.WriteElementString("MaxUploads", maxUploads.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("IsTruncated", truncated ? "true" : "false");
            foreach (var upload in page)
            {
                writer.WriteStartElement("Upload");
                writer.WriteElementString("Key", Text(upload.Key));
                writer.WriteElementString("UploadId", upload.UploadId);
                writer.WriteElementString("StorageClass", "STANDARD");
                writer.WriteElementString("Initiated", S3Xml.Timestamp(upload.Initiated));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }
}
