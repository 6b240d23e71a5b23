using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Tests.S3.Auth;

public sealed class S3RawTargetTests
{
    [Theory]
    [InlineData("/bucket/a%2Fb%20c?uploads", "/bucket/a%2Fb%20c", "uploads")]
    [InlineData("/bucket/key", "/bucket/key", "")]
    [InlineData("/?list-type=2&prefix=a%2F", "/", "list-type=2&prefix=a%2F")]
    [InlineData("http://127.0.0.1:9000/bucket/key?x=1", "/bucket/key", "x=1")]
    [InlineData("http://127.0.0.1:9000?x=1", "/", "x=1")]
    [InlineData("http://127.0.0.1:9000", "/", "")]
    public void From_SplitsTheTargetAsSent(string rawTarget, string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;

        S3RawTarget.From(context.Request).ShouldBe(new S3RawTarget(path, query));
    }

    [Fact]
    public void From_FallsBackToThePathAndQuery_WithoutARawTarget()
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = string.Empty;
        context.Request.Path = "/bucket/a b";
        context.Request.QueryString = new QueryString("?uploads");

        S3RawTarget.From(context.Request).ShouldBe(new S3RawTarget("/bucket/a%20b", "uploads"));
    }
}
