using Stowage.Core.S3.Signing;

namespace Stowage.Core.Tests.S3.Signing;

public sealed class SigV4CredentialTests
{
    [Fact]
    public void TryParse_ReadsKeyAndScope()
    {
        SigV4Credential.TryParse("ASIAPROBEEXAMPLE7777/20261121/us-east-1/s3/aws4_request", out var credential).ShouldBeTrue();

        credential.AccessKeyId.ShouldBe("ASIAPROBEEXAMPLE7777");
        credential.Scope.ShouldBe(new SigV4Scope("20261121", "us-east-1", "s3"));
        credential.ToString().ShouldBe("ASIAPROBEEXAMPLE7777/20261121/us-east-1/s3/aws4_request");
    }

    [Theory]
    [InlineData("AKID/20261121/us-east-1/s3")]
    [InlineData("AKID/20261121/us-east-1/s3/aws4_request/extra")]
    [InlineData("AKID/20261121/us-east-1/s3/aws5_request")]
    [InlineData("/20261121/us-east-1/s3/aws4_request")]
    [InlineData("AKID//us-east-1/s3/aws4_request")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RejectsOtherShapes(string? text) => SigV4Credential.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void AmzDate_RoundTrips()
    {
        var time = new DateTimeOffset(2026, 11, 21, 19, 28, 38, TimeSpan.Zero);

        AmzDate.FormatTimestamp(time).ShouldBe("20261121T192838Z");
        AmzDate.FormatDate(time).ShouldBe("20261121");
        AmzDate.TryParseTimestamp("20261121T192838Z", out var parsed).ShouldBeTrue();
        parsed.ShouldBe(time);
        AmzDate.TryParseTimestamp("2026-11-21T19:28:38Z", out _).ShouldBeFalse();
        AmzDate.TryParseTimestamp("20261121T192838", out _).ShouldBeFalse();
    }
}
