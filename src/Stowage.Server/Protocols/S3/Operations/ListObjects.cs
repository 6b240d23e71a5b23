using Stowage.Core.Errors;
using System.Globalization;
using System.Xml;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Operations;

/// <summary>
/// GET /{bucket}: ListObjectsV2 with <c>list-type=2</c> (docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html),
/// else the original ListObjects (marker paging), which rclone and s3cmd still use. With
/// <c>encoding-type=url</c> (awscli always sends it) keys and prefixes are URL-encoded in the answer; without it,
/// a parameter or key XML 1.0 cannot carry is 400 InvalidArgument (<see cref="S3XmlEcho"/>).
/// </summary>
internal sealed class ListObjects(S3ObjectService objects) : IS3Operation
{
    private const int DefaultMaxKeys = 1000;

    public async Task HandleAsync(S3Call call)
    {
        var v2 = call.Query("list-type") == "2";
        var maxKeysText = call.Query("max-keys");
        var maxKeys = DefaultMaxKeys;
        if (maxKeysText is not null && !int.TryParse(maxKeysText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out maxKeys))
        {
            await call.FailAsync(StowageErrors.InvalidField, "Provided max-keys not an integer or within integer range").ConfigureAwait(false);
            return;
        }

        var encodingType = call.Query("encoding-type");
        if (encodingType is not null && encodingType != "url")
        {
            await call.FailAsync(StowageErrors.InvalidField, "Invalid Encoding Method specified in Request").ConfigureAwait(false);
            return;
        }

        var encode = encodingType == "url";
        var prefix = call.Query("prefix") ?? string.Empty;
        var delimiter = call.Query("delimiter") is { Length: > 0 } d ? d : null;
        var startAfterName = v2 ? "start-after" : "marker";
        var startAfter = call.Query(startAfterName);
        var token = v2 ? call.Query("continuation-token") : null;
        var unechoable = S3XmlEcho.Parameter("prefix", prefix, encode)
            ?? S3XmlEcho.Parameter("delimiter", delimiter, encode)
            ?? S3XmlEcho.Parameter(startAfterName, startAfter, encode)
            ?? S3XmlEcho.VerbatimParameter("continuation-token", token);
        if (unechoable is not null)
        {
            await call.FailAsync(unechoable).ConfigureAwait(false);
            return;
        }

        var listed = await objects.ListAsync(call.RequiredBucket, new ObjectListRequest(prefix, delimiter, maxKeys, token, startAfter), call.Aborted).ConfigureAwait(false);
        if (!listed.IsSuccess)
        {
            await call.FailAsync(listed.Failure).ConfigureAwait(false);
            return;
        }

        var page = listed.Value;
        if (S3XmlEcho.Listed(page.Objects.Select(static o => o.Key).Concat(page.CommonPrefixes), encode) is { } unlistable)
        {
            await call.FailAsync(unlistable).ConfigureAwait(false);
            return;
        }

        string Text(string value) => S3XmlEcho.Render(value, encode);

        await S3Xml.WriteAsync(call.Http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartElement("ListBucketResult", S3Xml.Namespace);
            writer.WriteElementString("Name", call.RequiredBucket.Name);
            writer.WriteElementString("Prefix", Text(prefix));
            if (v2)
            {
                writer.Element("ContinuationToken", token);
                writer.Element("NextContinuationToken", page.IsTruncated ? page.NextContinuationToken : null);
                writer.Element("StartAfter", startAfter is null ? null : Text(startAfter));
                writer.WriteElementString("KeyCount", (page.Objects.Count + page.CommonPrefixes.Count).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteElementString("Marker", Text(startAfter ?? string.Empty));
                writer.Element("NextMarker", page.IsTruncated && delimiter is not null ? Text(LastName(page)) : null);
            }

            writer.WriteElementString("MaxKeys", Math.Min(maxKeys, DefaultMaxKeys).ToString(CultureInfo.InvariantCulture));
            writer.Element("Delimiter", delimiter is null ? null : Text(delimiter));
            writer.Element("EncodingType", encodingType);
            writer.WriteElementString("IsTruncated", page.IsTruncated ? "true" : "false");
            foreach (var obj in page.Objects)
            {
                WriteContents(writer, obj, Text(obj.Key));
            }

            foreach (var common in page.CommonPrefixes)
            {
                writer.WriteStartElement("CommonPrefixes");
                writer.WriteElementString("Prefix", Text(common));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }

    private static void WriteContents(XmlWriter writer, S3ObjectRecord obj, string key)
    {
        writer.WriteStartElement("Contents");
        writer.WriteElementString("Key", key);
        writer.WriteElementString("LastModified", S3Xml.Timestamp(obj.LastModified));
        writer.WriteElementString("ETag", S3Xml.QuotedETag(obj.ETag));
        writer.WriteElementString("Size", obj.Size.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("StorageClass", "STANDARD");
        writer.WriteEndElement();
    }

    /// <summary>The last key or common prefix of the page, in key order: where a V1 client's next marker starts.</summary>
    private static string LastName(ObjectListing page)
    {
        var lastKey = page.Objects.Count > 0 ? page.Objects[^1].Key : null;
        var lastPrefix = page.CommonPrefixes.Count > 0 ? page.CommonPrefixes[^1] : null;
        if (lastKey is null)
        {
            return lastPrefix ?? string.Empty;
        }

        return lastPrefix is not null && string.CompareOrdinal(lastPrefix, lastKey) > 0 ? lastPrefix : lastKey;
    }
}
