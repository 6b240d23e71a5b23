using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Stowage.Server.Protocols.S3;

namespace Stowage.Server.Tests.Protocols.S3;

public sealed class S3TargetTests
{
    [Theory]
    [InlineData("/", null, null)]
    [InlineData("/iguides.plntr.ca", "iguides.plntr.ca", null)]
    [InlineData("/iguides.plntr.ca/", "iguides.plntr.ca", null)]
    [InlineData("/iguides.plntr.ca/gallery/ig12345/a3K9.jpg", "iguides.plntr.ca", "gallery/ig12345/a3K9.jpg")]
    [InlineData("/b/a%2Fb", "b", "a/b")]
    [InlineData("/b/a/../c", "b", "a/../c")]
    [InlineData("/b/%C3%A9t%C3%A9%20x.jpg", "b", "été x.jpg")]
    [InlineData("/b/dir/", "b", "dir/")]
    [InlineData("/b//double", "b", "/double")]
    [InlineData("/b/a+b", "b", "a+b")]
    [InlineData("http://127.0.0.1:9000/b/a/../k", "b", "a/../k")]
    [InlineData("http://127.0.0.1:9000", null, null)]
    public void Parse_ReadsPathStyle_FromTheRawTargetDecodedOnce(string rawTarget, string? bucket, string? key)
    {
        var target = S3Target.Parse(Context(rawTarget + "?x-id=PutObject", "127.0.0.1:9000"), virtualHostDomain: null);

        target.ShouldBe(new S3Target(bucket, key));
    }

    [Fact]
    public void Parse_ReadsTheBucketFromTheHost_UnderTheVirtualHostDomain()
    {
        var target = S3Target.Parse(Context("/photos/a.jpg", "my-bucket.s3.local:9000"), "s3.local");

        target.ShouldBe(new S3Target("my-bucket", "photos/a.jpg"));
        target.Resource.ShouldBe("/my-bucket/photos/a.jpg");
    }

    [Fact]
    public void Parse_UsesPathStyle_WhenTheHostIsNotUnderTheDomain()
    {
        var target = S3Target.Parse(Context("/b/k", "127.0.0.1:9000"), "s3.local");

        target.ShouldBe(new S3Target("b", "k"));
    }

    [Theory]
    [InlineData("/b/%FF")]
    [InlineData("/b/a%ED%A0%80")]
    [InlineData("/b/caf%C3.jpg")]
    [InlineData("/%FF/k")]
    [InlineData("/b/k?uploadId=%FF")]
    [InlineData("/b?list-type=2&prefix=%ED%B0%80")]
    public void Parse_MarksTheTarget_WhenAnEscapeIsNotUtf8(string rawTarget) =>
        S3Target.Parse(Context(rawTarget, "127.0.0.1:9000"), virtualHostDomain: null).MalformedEncoding.ShouldBeTrue();

    [Theory]
    [InlineData("/b/%25FF")]
    [InlineData("/b/caf%C3%A9.jpg?x-id=PutObject")]
    [InlineData("/b/100%")]
    [InlineData("/b?list-type=2&prefix=%E2%82%AC")]
    public void Parse_DoesNotMarkTheTarget_WhenEveryEscapeIsUtf8(string rawTarget) =>
        S3Target.Parse(Context(rawTarget, "127.0.0.1:9000"), virtualHostDomain: null).MalformedEncoding.ShouldBeFalse();

    private static DefaultHttpContext Context(string rawTarget, string host)
    {
        var context = new DefaultHttpContext();
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        context.Request.Host = new HostString(host);
        return context;
    }
}
