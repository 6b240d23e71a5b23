using Stowage.Core.S3.Signing;

namespace Stowage.Core.Tests.S3.Signing;

public sealed class SigV4EncodingTests
{
    [Theory]
    [InlineData("abcXYZ019-_.~", false, "abcXYZ019-_.~")]
    [InlineData("a b", false, "a%20b")]
    [InlineData("a/b", false, "a%2Fb")]
    [InlineData("a/b", true, "a/b")]
    [InlineData("a+b=c&d", false, "a%2Bb%3Dc%26d")]
    [InlineData("é", false, "%C3%A9")]
    [InlineData("😀", false, "%F0%9F%98%80")]
    [InlineData("!'()*", false, "%21%27%28%29%2A")]
    [InlineData("test$file.text", true, "test%24file.text")]
    public void UriEncode_IsRfc3986OverUtf8(string text, bool keepSlash, string expected) =>
        SigV4Encoding.UriEncode(text, keepSlash).ShouldBe(expected);

    [Fact]
    public void CanonicalQueryString_SortsByEncodedNameThenValue_AndReencodes()
    {
        // The JS SDK's presigned PUT: the token carries / + = (reference/s3-wire); a raw '+' is a space.
        var pairs = SigV4Encoding.ParseQuery("x-id=PutObject&b=2&a=2&a=1&X-Amz-Security-Token=IQoJ%2F%2Bx%3D%3D&uploads&empty=&s=a+b&t=%7e");

        SigV4Encoding.CanonicalQueryString(pairs).ShouldBe("X-Amz-Security-Token=IQoJ%2F%2Bx%3D%3D&a=1&a=2&b=2&empty=&s=a%20b&t=~&uploads=&x-id=PutObject");
    }

    [Fact]
    public void CanonicalQueryString_LeavesOutTheExcludedParameter() =>
        SigV4Encoding.CanonicalQueryString(SigV4Encoding.ParseQuery("X-Amz-Signature=abc&X-Amz-Date=1"), SigV4.QuerySignature)
            .ShouldBe("X-Amz-Date=1");

    [Fact]
    public void ParseQuery_SkipsEmptySegments_AndKeepsOrder()
    {
        var pairs = SigV4Encoding.ParseQuery("&a=1&&b&c=x%3Dy&");

        pairs.ShouldBe([new("a", "1"), new("b", ""), new("c", "x=y")]);
        SigV4Encoding.ParseQuery(null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/iguides.plntr.ca/gallery/ig12345/a3K9.jpg", "/iguides.plntr.ca/gallery/ig12345/a3K9.jpg")]
    [InlineData("/test$file.text", "/test%24file.text")]
    [InlineData("/test%24file.text", "/test%24file.text")]
    [InlineData("/a%2fb/c d", "/a%2Fb/c%20d")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/a//b/", "/a//b/")]
    public void NormalizePath_EncodesEachSegmentOnce(string raw, string expected) => SigV4Encoding.NormalizePath(raw).ShouldBe(expected);

    [Theory]
    [InlineData("  bucket-owner-full-control ", "bucket-owner-full-control")]
    [InlineData("attempt=1;  max=3", "attempt=1; max=3")]
    [InlineData("a \t b", "a b")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void CanonicalHeaderValue_TrimsAndCollapsesWhitespace(string value, string expected) =>
        SigV4Encoding.CanonicalHeaderValue(value).ShouldBe(expected);
}
