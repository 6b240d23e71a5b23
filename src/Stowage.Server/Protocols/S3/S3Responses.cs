using System.Globalization;
using System.Xml;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Server.Protocols.S3;

/// <summary>
/// S3's error body, with the S3 code and status <see cref="S3Errors.WireOf"/> gives the failure's catalogue entry: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;Resource/&gt;&lt;RequestId/&gt;&lt;/Error&gt;</c> as
/// application/xml (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#RESTErrorResponses), with the
/// failure's details as extra elements (S3 adds e.g. StringToSign, ArgumentName the same way). A HEAD answer
/// carries no body, as in S3. Message, details and Resource may quote the request (its key, a header, a parameter),
/// so each character XML 1.0 cannot carry is written percent-encoded there (<see cref="S3XmlCharacters.Printable"/>):
/// an error about a key holding U+0001 is an error, never a 500 from the XML writer.
/// </summary>
internal static class S3Responses
{
    public const string RequestIdItem = "s3.request-id";

    public static string RequestId(HttpContext context) => context.Items[RequestIdItem] as string ?? string.Empty;

    public static Task WriteErrorAsync(HttpContext context, Failure failure, S3Target target)
    {
        var response = context.Response;
        if (failure.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var wire = S3Errors.WireOf(failure.Error);
        var message = failure.Reason ?? wire.Message;
        return S3Xml.WriteAsync(context, wire.Status, writer =>
        {
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", wire.Code);
            writer.WriteElementString("Message", S3XmlCharacters.Printable(message));
            foreach (var (name, value) in failure.Details)
            {
                if (value is not null && IsXmlName(name))
                {
                    writer.WriteElementString(name, S3XmlCharacters.Printable(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                }
            }

            writer.WriteElementString("Resource", S3XmlCharacters.Printable(target.Resource));
            writer.WriteElementString("RequestId", RequestId(context));
            writer.WriteEndElement();
        });
    }

    public static Task WriteErrorAsync(HttpContext context, ErrorCode error, S3Target target, string? message = null) =>
        WriteErrorAsync(context, message is null ? Failure.Of(error) : Failure.Because(error, message), target);

    private static bool IsXmlName(string name)
    {
        try
        {
            XmlConvert.VerifyName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
