using System.Text;
using Microsoft.AspNetCore.Http;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

/// <summary>
/// GetObject and HeadObject answer stored headers that only a header can carry: a metadata value beyond ASCII,
/// stored from a client that sent it raw, used to fail every later GET and HEAD of the object with a 500.
/// </summary>
public sealed class S3ObjectHeadersTests
{
    [Fact]
    public void Write_AnswersANonAsciiMetadataValue_AsAnRfc2047EncodedWord_AndKeepsAsciiAsIs()
    {
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = "image/jpeg",
            ["x-amz-meta-lieu"] = "Montréal ✓ 😀",
            ["x-amz-meta-camera"] = "EOS R5 \"Mark II\"",
        };
        var record = new S3ObjectRecord("b", "k", 1, "0cc175b9c0f1b6a831c399e269772661", DateTimeOffset.UnixEpoch, headers, null, null, new ObjectRef("stowage", "objects/x"));
        var context = new DefaultHttpContext();

        S3ObjectHeaders.Write(context, record, includeChecksum: false);

        var written = context.Response.Headers["x-amz-meta-lieu"].ToString();
        written.ShouldBe("=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Montréal ✓ 😀")) + "?=");
        written.All(c => c is >= ' ' and <= '~').ShouldBeTrue();
        context.Response.Headers["x-amz-meta-camera"].ToString().ShouldBe("EOS R5 \"Mark II\"");
        context.Response.Headers.ContentType.ToString().ShouldBe("image/jpeg");
    }
}
