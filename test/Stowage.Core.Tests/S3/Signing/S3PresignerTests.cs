using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3.Signing;

public sealed class S3PresignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 19, 28, 41, 700, TimeSpan.Zero);

    private static readonly S3Credentials Permanent = new("AKIAEXAMPLEPERMANENT", "secret-permanent", null, null, "acct", null);

    private static readonly S3Credentials Temporary = new(
        "ASIAPROBEEXAMPLE7777", "secret-temporary", "IQoJb3JpZ2luX2VjEJr//////////wEa+probe/TOKEN+example==", Now.AddHours(2), "acct", new S3KeyScope("iguides.plntr.ca", "gallery/ig12345/a3K9.jpg"));

    [Fact]
    public void Presign_BuildsAPathStyleUrlWithTheSigV4Parameters()
    {
        var url = Presigner().Presign(new S3PresignRequest("put", "iguides.plntr.ca", "gallery/ig12345/a b.jpg", Permanent, TimeSpan.FromHours(1))
        {
            Endpoint = new Uri("http://127.0.0.1:9000"),
        });

        url.Method.ShouldBe("PUT");
        url.Expires.ShouldBe(new DateTimeOffset(2026, 11, 21, 20, 28, 41, TimeSpan.Zero));
        url.Headers.ShouldBeEmpty();
        url.Url.ShouldStartWith("http://127.0.0.1:9000/iguides.plntr.ca/gallery/ig12345/a%20b.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAEXAMPLEPERMANENT%2F20261121%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261121T192841Z"
            + "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=");
        url.Url.ShouldNotContain("X-Amz-Security-Token");
    }

    [Fact]
    public void Presign_SignsWhatAnIndependentCanonicalRequestSigns()
    {
        var url = Presigner().Presign(new S3PresignRequest("GET", "b", "k", Permanent, TimeSpan.FromSeconds(60)) { Endpoint = new Uri("http://host:9000") });

        var scope = new SigV4Scope("20261121", "us-east-1", "s3");
        var expected = SigV4Signer.Sign(
            SigningKeys.Derive("secret-permanent", scope),
            "AWS4-HMAC-SHA256\n20261121T192841Z\n20261121/us-east-1/s3/aws4_request\n" + SigV4Signer.Sha256Hex(
                "GET\n/b/k\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLEPERMANENT%2F20261121%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20261121T192841Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host\nhost:host:9000\n\nhost\nUNSIGNED-PAYLOAD"));
        url.Url.ShouldEndWith("&X-Amz-Signature=" + expected);
    }

    [Fact]
    public void Presign_WithTemporaryCredentials_AddsTheSessionToken_AndForAPart_UploadIdAndPartNumber()
    {
        var url = Presigner().Presign(new S3PresignRequest("PUT", "iguides.plntr.ca", "gallery/ig12345/a3K9.jpg", Temporary, TimeSpan.FromMinutes(15))
        {
            Endpoint = new Uri("https://s3.example.com/base/"),
            Region = "eu-west-3",
            UploadId = "up/1+2",
            PartNumber = 7,
        });

        url.Url.ShouldStartWith("https://s3.example.com/base/iguides.plntr.ca/gallery/ig12345/a3K9.jpg?");
        url.Url.ShouldContain("X-Amz-Credential=ASIAPROBEEXAMPLE7777%2F20261121%2Feu-west-3%2Fs3%2Faws4_request");
        url.Url.ShouldContain("X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEa%2Bprobe%2FTOKEN%2Bexample%3D%3D");
        url.Url.ShouldContain("&partNumber=7&uploadId=up%2F1%2B2&");
    }

    [Fact]
    public void Presign_WithAnEmptyContentType_SignsContentType_AndSaysToSendIt()
    {
        var url = Presigner().Presign(new S3PresignRequest("PUT", "b", "k", Permanent, TimeSpan.FromHours(1))
        {
            Endpoint = new Uri("http://host:9000"),
            SignEmptyContentType = true,
        });

        url.Url.ShouldContain("X-Amz-SignedHeaders=content-type%3Bhost");
        url.Headers.ShouldBe(new Dictionary<string, string> { ["Content-Type"] = string.Empty });
    }

    [Fact]
    public void Presign_WithoutAnEndpoint_UsesThePublicEndpointOption()
    {
        var url = Presigner(o => o.PublicEndpoint = "http://public.example:9000").Presign(new S3PresignRequest("GET", "b", "k", Permanent, TimeSpan.FromHours(1)));

        url.Url.ShouldStartWith("http://public.example:9000/b/k?");
        Should.Throw<InvalidOperationException>(() => Presigner().Presign(new S3PresignRequest("GET", "b", "k", Permanent, TimeSpan.FromHours(1))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(604_801)]
    public void Presign_RefusesAnExpiryOutsideOneSecondToTheMaximum(double seconds) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Presigner().Presign(
            new S3PresignRequest("GET", "b", "k", Permanent, TimeSpan.FromSeconds(seconds)) { Endpoint = new Uri("http://h:1") }));

    [Fact]
    public void Presign_RespectsALowerConfiguredMaximum() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Presigner(o => o.MaxPresignedSeconds = 3600).Presign(
            new S3PresignRequest("GET", "b", "k", Permanent, TimeSpan.FromSeconds(3601)) { Endpoint = new Uri("http://h:1") }));

    [Theory]
    [InlineData(null, 1)]
    [InlineData("u", 0)]
    [InlineData("u", 10_001)]
    public void Presign_RefusesAPartNumberWithoutUploadIdOrOutOfRange(string? uploadId, int partNumber) =>
        Should.Throw<ArgumentException>(() => Presigner().Presign(
            new S3PresignRequest("PUT", "b", "k", Permanent, TimeSpan.FromHours(1)) { Endpoint = new Uri("http://h:1"), UploadId = uploadId, PartNumber = partNumber }));

    private static S3Presigner Presigner(Action<S3Options>? configure = null)
    {
        var options = new S3Options();
        configure?.Invoke(options);
        return new S3Presigner(Options.Create(options), new FakeTimeProvider(Now));
    }
}
