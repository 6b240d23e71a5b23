using System.Net;
using System.Xml.Linq;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>An S3 error response: the status and the <c>&lt;Error&gt;&lt;Code&gt;</c> clients branch on.</summary>
public sealed record S3Error(HttpStatusCode Status, string? Code, string? Message, string? MediaType, string Body)
{
    public static async Task<S3Error> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        string? message = null;
        try
        {
            var root = XDocument.Parse(body).Root;
            if (root?.Name.LocalName == "Error")
            {
                code = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            }
        }
        catch (System.Xml.XmlException)
        {
            // not XML: Code stays null and the assertion shows the body
        }

        return new S3Error(response.StatusCode, code, message, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Asserts S3's status and code, and that the error is S3's XML document (application/xml).</summary>
    public void ShouldBe(HttpStatusCode status, string code)
    {
        var description = ToString();
        Status.ShouldBe(status, description);
        Code.ShouldBe(code, description);
        MediaType.ShouldBe("application/xml", description);
    }

    public override string ToString() => $"HTTP {(int)Status} {Status}, code {Code ?? "(none)"}, content type {MediaType ?? "(none)"}:\n{Body}";
}
