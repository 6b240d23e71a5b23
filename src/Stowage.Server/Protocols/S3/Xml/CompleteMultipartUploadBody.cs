using System.Globalization;
using System.Xml;
using Stowage.Core.Checksums;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3.Xml;

/// <summary>
/// Reads a CompleteMultipartUpload body. Every variant real clients send is accepted (reference/s3-wire
/// SUMMARY): with or without the S3 namespace or an XML declaration, ETags quoted, entity-quoted
/// (<c>&amp;quot;</c>, <c>&amp;#34;</c>) or bare, with or without Checksum* elements, children in any order.
/// DTDs are refused (no entity expansion); anything else malformed is null (MalformedXML).
/// </summary>
internal static class CompleteMultipartUploadBody
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        Async = false,
    };

    public static IReadOnlyList<CompletedPart>? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "CompleteMultipartUpload")
            {
                return null;
            }

            var parts = new List<CompletedPart>();
            if (reader.IsEmptyElement)
            {
                return parts;
            }

            reader.Read();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                if (reader.LocalName != "Part")
                {
                    reader.Skip();
                    continue;
                }

                if (ReadPart(reader) is not { } part)
                {
                    return null;
                }

                parts.Add(part);
            }

            return parts;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static CompletedPart? ReadPart(XmlReader reader)
    {
        int? number = null;
        string? etag = null;
        ChecksumValue? checksum = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            var name = reader.LocalName;
            var text = reader.ReadElementContentAsString().Trim();
            switch (name)
            {
                case "PartNumber":
                    number = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                    break;
                case "ETag":
                    etag = text.Trim('"');
                    break;
                default:
                    if (Algorithm(name) is { } algorithm)
                    {
                        checksum = new ChecksumValue(algorithm, text);
                    }

                    break;
            }
        }

        reader.ReadEndElement();
        return number is null or < 0 || string.IsNullOrEmpty(etag) ? null : new CompletedPart(number.Value, etag, checksum);
    }

    /// <summary>ChecksumCRC32, ChecksumSHA256, …: "Checksum" and the algorithm's name.</summary>
    private static ChecksumAlgorithm? Algorithm(string element) =>
        element.StartsWith("Checksum", StringComparison.Ordinal) && ChecksumNames.TryParseName(element["Checksum".Length..], out var algorithm) ? algorithm : null;
}
