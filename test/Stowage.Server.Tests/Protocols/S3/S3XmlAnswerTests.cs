using Stowage.Core.Errors;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

/// <summary>
/// S3's XML answers never fail on what the request or the store holds (docs/protocols/s3.md, "Keys and XML"):
/// error bodies quote what XML 1.0 cannot carry percent-encoded, and a carriage return survives a round trip.
/// </summary>
public sealed class S3XmlAnswerTests
{
    [Fact]
    public async Task ErrorBody_ForAKeyHoldingAControlCharacter_IsWellFormed_WithTheResourcePercentEncoded()
    {
        var context = NewContext();
        var failure = Failure.Because(StowageErrors.InvalidField, "An object key must not contain U+0001: 'ctrl-\u0001.bin'");

        await S3Responses.WriteErrorAsync(context, failure, new S3Target("bkt", "ctrl-\u0001.bin\uffff"));

        context.Response.StatusCode.ShouldBe(400);
        var error = Parse(context).Root.ShouldNotBeNull();
        error.Element("Code")!.Value.ShouldBe("InvalidArgument");
        error.Element("Resource")!.Value.ShouldBe("/bkt/ctrl-%01.bin%EF%BF%BF");
        error.Element("Message")!.Value.ShouldBe("An object key must not contain U+0001: 'ctrl-%01.bin'");
    }

    [Fact]
    public async Task ErrorBody_QuotesDetailsXmlCannotCarry_PercentEncoded()
    {
        var context = NewContext();
        var failure = new Core.Errors.Failure(S3Errors.SignatureDoesNotMatch, new Dictionary<string, object?> { ["CanonicalRequest"] = "PUT\n/b/k\u0002\n" });

        await S3Responses.WriteErrorAsync(context, failure, new S3Target("bkt", "k"));

        Parse(context).Root!.Element("CanonicalRequest")!.Value.ShouldBe("PUT\n/b/k%02\n");
    }

    [Fact]
    public async Task Answer_KeepsACarriageReturnInAKey_ThroughAParser()
    {
        // A parser reads a literal CR (or CR LF) as LF (XML 1.0 section 2.11): the CR must be written as &#xD;.
        var context = NewContext();

        await S3Xml.WriteAsync(context, 200, writer => writer.WriteElementString("Key", "cr\r\nlf\ncr\rtab\t"));

        Parse(context).Root!.Value.ShouldBe("cr\r\nlf\ncr\rtab\t");
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static XDocument Parse(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return XDocument.Load(context.Response.Body, LoadOptions.PreserveWhitespace);
    }
}
