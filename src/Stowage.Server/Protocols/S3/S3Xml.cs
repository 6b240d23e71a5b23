using System.Text;
using System.Xml;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// Writes S3's XML bodies (namespace http://s3.amazonaws.com/doc/2006-03-01/, UTF-8, no BOM). A carriage return
/// in text is written as <c>&amp;#xD;</c>: a parser turns a literal one into a line feed (XML 1.0 section 2.11),
/// so a key holding "\r" would otherwise come back as another key (S3 asks for the same entity in its
/// object-keys guide, "XML related object key constraints"). Text that XML 1.0 cannot carry at all never gets
/// here: each operation checks what it echoes first (<see cref="S3XmlEcho"/>), and error bodies quote it
/// percent-encoded.
/// </summary>
internal static class S3Xml
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    public const string ContentType = "application/xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Async = true,
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Renders <paramref name="write"/> into the response with the given status.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
        }
    }

    public static void Element(this XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, value);
        }
    }

    /// <summary>S3's timestamp format in XML bodies: ISO 8601 UTC with milliseconds.</summary>
    public static string Timestamp(DateTimeOffset when) =>
        when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string QuotedETag(string etag) => "\"" + etag + "\"";
}
