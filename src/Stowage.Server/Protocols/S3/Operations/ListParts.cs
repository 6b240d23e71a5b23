using Stowage.Core.Errors;
using System.Globalization;
using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>GET /{bucket}/{key}?uploadId=U (docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html).</summary>
internal sealed class ListParts(S3MultipartService multipart) : IS3Operation
{
    private const int DefaultMaxParts = 1000;

    public async Task HandleAsync(S3Call call)
    {
        if (S3XmlEcho.Key(call.Key) is { } unnameable)
        {
            await call.FailAsync(unnameable).ConfigureAwait(false);
            return;
        }

        var upload = await multipart.GetAsync(call.RequiredBucket, call.Key, call.Query("uploadId") ?? string.Empty, call.Aborted).ConfigureAwait(false);
        if (!upload.IsSuccess)
        {
            await call.FailAsync(upload.Failure).ConfigureAwait(false);
            return;
        }

        if (!TryInt(call.Query("max-parts"), DefaultMaxParts, out var maxParts) || maxParts < 0 ||
            !TryInt(call.Query("part-number-marker"), 0, out var marker) || marker < 0)
        {
            await call.FailAsync(StowageErrors.InvalidField, "max-parts and part-number-marker must be non-negative integers.").ConfigureAwait(false);
            return;
        }

        maxParts = Math.Min(maxParts, DefaultMaxParts);
        var parts = await multipart.ListPartsAsync(upload.Value.UploadId, marker, maxParts + 1, call.Aborted).ConfigureAwait(false);
        var truncated = parts.Count > maxParts;
        var page = truncated ? parts.Take(maxParts).ToList() : parts;
        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("ListPartsResult", S3Xml.Namespace);
            writer.WriteElementString("Bucket", call.RequiredBucket.Name);
            writer.WriteElementString("Key", call.Key);
            writer.WriteElementString("UploadId", upload.Value.UploadId);
            writer.WriteElementString("PartNumberMarker", marker.ToString(CultureInfo.InvariantCulture));
            writer.Element("NextPartNumberMarker", page.Count > 0 ? page[^1].PartNumber.ToString(CultureInfo.InvariantCulture) : null);
            writer.WriteElementString("MaxParts", maxParts.ToString(CultureInfo.InvariantCulture));
            writer.WriteElementString("IsTruncated", truncated ? "true" : "false");
            writer.WriteElementString("StorageClass", "STANDARD");
            foreach (var part in page)
            {
                writer.WriteStartElement("Part");
                writer.WriteElementString("PartNumber", part.PartNumber.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("LastModified", S3Xml.Timestamp(part.LastModified));
                writer.WriteElementString("ETag", S3Xml.QuotedETag(part.ETag));
                writer.WriteElementString("Size", part.Size.ToString(CultureInfo.InvariantCulture));
                if (part.Checksum is { } checksum)
                {
                    writer.WriteElementString("Checksum" + ChecksumNames.Name(checksum.Algorithm), checksum.Base64);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
