using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Stowage.Server.Protocols.Sessions;

namespace Stowage.Server.Tests.Protocols.Sessions;

public sealed class RawFileNameTests
{
    private const string UploadId = "AbCdEfGhIjKlMnOpQrStUv";

    [Theory]
    [InlineData("scan.e57", "scan.e57")]
    [InlineData("a%2Fb.jpg", "a/b.jpg")]
    [InlineData("a%2fb.jpg", "a/b.jpg")]
    [InlineData("a%5Cb.jpg", "a\\b.jpg")]
    [InlineData("a/b/c.jpg", "a/b/c.jpg")]
    [InlineData("../../etc/passwd", "../../etc/passwd")]
    [InlineData("%2E%2E%2Fx.jpg", "../x.jpg")]
    [InlineData("my%20scan.e57", "my scan.e57")]
    [InlineData("Caf%C3%A9.jpg", "Café.jpg")]
    [InlineData("what%3F.jpg", "what?.jpg")]
    [InlineData("a%00b.jpg", "a\0b.jpg")]
    [InlineData("a%252Fb.jpg", "a%2Fb.jpg")]
    [InlineData("100%.jpg", "100%.jpg")]
    [InlineData("a%zz.jpg", "a%zz.jpg")]
    public void Of_PercentDecodesTheNameOnce_KeepingSeparatorsAndDotSegments(string encoded, string expected) =>
        RawFileName.Of(Request($"/api/v1/uploads/{UploadId}/{encoded}"), UploadId).ShouldBe(expected);

    [Theory]
    [InlineData("%FF.jpg")]
    [InlineData("a%ED%A0%80.jpg")]
    [InlineData("caf%C3.jpg")]
    [InlineData("%C0%AF.jpg")]
    public void Of_ReturnsNull_WhenTheEscapesAreNotUtf8(string encoded) =>
        RawFileName.Of(Request($"/api/v1/uploads/{UploadId}/{encoded}"), UploadId).ShouldBeNull();

    [Fact]
    public void Of_IgnoresTheQuery() =>
        RawFileName.Of(Request($"/api/v1/uploads/{UploadId}/a.jpg?x=1&y=%2F"), UploadId).ShouldBe("a.jpg");

    [Fact]
    public void Of_ReturnsEmpty_ForAnEmptyName() =>
        RawFileName.Of(Request($"/api/v1/uploads/{UploadId}/"), UploadId).ShouldBe("");

    [Fact]
    public void Of_ReturnsEmpty_WhenTheTargetIsAboutAnotherUpload() =>
        RawFileName.Of(Request("/api/v1/uploads/ZZZZZZZZZZZZZZZZZZZZZZ/a.jpg"), UploadId).ShouldBe("");

    [Fact]
    public void Of_FallsBackToThePath_WithoutARawTarget()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = $"/api/v1/uploads/{UploadId}/a.jpg";
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = null!;

        RawFileName.Of(context, UploadId).ShouldBe("a.jpg");
    }

    private static DefaultHttpContext Request(string rawTarget)
    {
        var context = new DefaultHttpContext();
        var request = context.Features.Get<IHttpRequestFeature>()!;
        request.RawTarget = rawTarget;
        request.Path = "/ignored";
        return context;
    }
}
