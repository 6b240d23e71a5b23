using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

public sealed class S3ListenerTests
{
    [Fact]
    public void Parse_KeepsEveryUrl()
    {
        var listener = S3Listener.Parse("http://127.0.0.1:9000; http://[::1]:9001", "http://127.0.0.1:8080");

        listener.Urls.ShouldBe(["http://127.0.0.1:9000", "http://[::1]:9001"]);
    }

    [Theory]
    [InlineData("", "at least one URL")]
    [InlineData("http://127.0.0.1:0", "explicit port")]
    [InlineData("http://127.0.0.1:8080", "port of its own")]
    [InlineData("ftp://127.0.0.1:9000", "not an http(s) URL")]
    [InlineData("not a url", "not an http(s) URL")]
    public void Parse_RefusesWithTheReason(string s3Urls, string reason)
    {
        var ex = Should.Throw<ArgumentException>(() => S3Listener.Parse(s3Urls, "http://127.0.0.1:8080"));

        ex.Message.ShouldContain(reason);
        ex.ParamName.ShouldBe("s3Urls");
    }
}
