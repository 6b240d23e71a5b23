using Stowage.Server.Protocols.S3;
using Stowage.Core.Errors;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Protocols.S3.Streaming;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

public sealed class PresignedV4Tests
{
    private const string TemporaryKey = "ASIATEMPORARY0000001";
    private const string Token = "IQoJb3JpZ2luX2VjEJr//////////wEa+probe/TOKEN+example==";

    [Fact]
    public async Task Authenticate_AcceptsAPresignedPut_InAnyParameterOrder()
    {
        foreach (var reverse in new[] { false, true })
        {
            var request = new TestRequest { Body = Encoding.UTF8.GetBytes("payload") };
            request.PresignV4(reverseOrder: reverse);

            var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

            Encoding.UTF8.GetString(await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe("payload");
        }
    }

    [Fact]
    public async Task Authenticate_AcceptsTheJsSdksPresignedPut_WithoutEnforcingItsEmptyBodyChecksum()
    {
        // getSignedUrl(PutObject) signs x-amz-checksum-crc32=AAAAAA== (the CRC32 of nothing) and X-Amz-Content-Sha256=UNSIGNED-PAYLOAD.
        var request = new TestRequest { Body = Encoding.UTF8.GetBytes("not empty at all") };
        request.PresignV4(
            payloadHash: "UNSIGNED-PAYLOAD",
            extraQuery: [new("x-amz-checksum-crc32", "AAAAAA=="), new("x-amz-sdk-checksum-algorithm", "CRC32"), new("x-id", "PutObject"), new("x-amz-acl", "bucket-owner-full-control")]);
        request.Target.ShouldContain("x-amz-checksum-crc32=AAAAAA%3D%3D");

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        authenticated.Body.HeaderChecksum.ShouldBeNull();
        authenticated.Body.Algorithm.ShouldBeNull();
        Encoding.UTF8.GetString(await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe("not empty at all");
    }

    [Fact]
    public async Task Authenticate_ReturnsSignatureDoesNotMatch_WhenASignedParameterChanged()
    {
        var request = new TestRequest();
        request.PresignV4(extraQuery: [new("x-id", "PutObject")]);
        request.Target = request.Target.Replace("x-id=PutObject", "x-id=GetObject", StringComparison.Ordinal);

        var failure = await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);

        ((string)failure.Details["CanonicalRequest"]!).ShouldContain("&x-id=GetObject\nhost:127.0.0.1:9000\n\nhost\nUNSIGNED-PAYLOAD");
        ((string)failure.Details["CanonicalRequest"]!).ShouldNotContain("X-Amz-Signature");
    }

    [Fact]
    public async Task Authenticate_ReturnsSignatureDoesNotMatch_ForAnotherSecret()
    {
        var request = new TestRequest();
        request.PresignV4(secret: "not the secret");

        await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public async Task Authenticate_ReturnsAccessDenied_WhenExpired()
    {
        var request = new TestRequest();
        request.PresignV4(expires: 60);

        await Authenticators.Create(now: TestRequest.Now.AddSeconds(60)).ShouldAuthenticate(request);
        var failure = await Authenticators.Create(now: TestRequest.Now.AddSeconds(61)).ShouldFail(request, StowageErrors.AccessDenied);

        failure.Message.ShouldBe("Request has expired");
        failure.Details["Expires"].ShouldBe("2026-11-21T19:29:38Z");
    }

    [Fact]
    public async Task Authenticate_ReturnsAccessDenied_BeforeTheUrlIsValid()
    {
        var request = new TestRequest();
        request.PresignV4(time: TestRequest.Now.AddMinutes(16));

        (await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied)).Message.ShouldBe("Request is not valid yet");
    }

    [Theory]
    [InlineData(604_800, true)]
    [InlineData(604_801, false)]
    [InlineData(0, false)]
    public async Task Authenticate_LimitsXAmzExpiresToSevenDays(int expires, bool accepted)
    {
        var request = new TestRequest();
        request.PresignV4(expires: expires);

        if (accepted)
        {
            await Authenticators.Create().ShouldAuthenticate(request);
        }
        else
        {
            await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationQueryParametersError);
        }
    }

    [Fact]
    public async Task Authenticate_LimitsXAmzExpiresToTheConfiguredMaximum()
    {
        var request = new TestRequest();
        request.PresignV4(expires: 7200);

        await Authenticators.Create(configure: o => o.MaxPresignedSeconds = 3600).ShouldFail(request, S3Errors.AuthorizationQueryParametersError);
    }

    [Theory]
    [InlineData("X-Amz-Signature")]
    [InlineData("X-Amz-Date")]
    [InlineData("X-Amz-Expires")]
    [InlineData("X-Amz-SignedHeaders")]
    [InlineData("X-Amz-Credential")]
    public async Task Authenticate_ReturnsAuthorizationQueryParametersError_WhenAParameterIsMissing(string parameter)
    {
        var request = new TestRequest();
        request.PresignV4();
        request.Target = string.Join('&', request.Target.Split('&').Where(p => !p.Contains(parameter + "=", StringComparison.Ordinal)));

        await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationQueryParametersError);
    }

    [Theory]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256")]
    [InlineData("X-Amz-Expires=3600", "X-Amz-Expires=soon")]
    [InlineData("X-Amz-Date=20261121T192838Z", "X-Amz-Date=2026-11-21T19%3A28%3A38Z")]
    [InlineData("X-Amz-Date=20261121T192838Z", "X-Amz-Date=20261122T000000Z")]
    [InlineData("%2Fs3%2F", "%2Fsts%2F")]
    [InlineData("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=x-amz-date")]
    [InlineData("X-Amz-Expires=3600", "X-Amz-Expires=3600&X-Amz-Expires=3600")]
    public async Task Authenticate_ReturnsAuthorizationQueryParametersError_ForABadParameter(string original, string replacement)
    {
        var request = new TestRequest();
        request.PresignV4();
        request.Target.ShouldContain(original);
        request.Target = request.Target.Replace(original, replacement, StringComparison.Ordinal);

        await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationQueryParametersError);
    }

    [Fact]
    public async Task Authenticate_PassesTheQuerySessionTokenToTheResolver()
    {
        var resolver = new FakeCredentialResolver().Add(TestRequest.AccessKeyId, TestRequest.Secret, Token);
        var request = new TestRequest();
        request.PresignV4(token: Token);

        await Authenticators.Create(resolver).ShouldAuthenticate(request);

        resolver.Calls.ShouldBe([(TestRequest.AccessKeyId, Token)]);
    }

    [Fact]
    public async Task Authenticate_VerifiesTheBody_WhenXAmzContentSha256IsADigest()
    {
        var request = new TestRequest { Body = Encoding.UTF8.GetBytes("signed body") };
        request.PresignV4(payloadHash: SigV4Signer.Sha256Hex("signed body"));
        var good = await Authenticators.Create().ShouldAuthenticate(request);
        (await StreamReading.ReadAllAsync(good.Body.Content)).Length.ShouldBe(11);

        request.Body = Encoding.UTF8.GetBytes("other body!");
        var bad = await Authenticators.Create().ShouldAuthenticate(request);
        (await Should.ThrowAsync<S3BodyException>(() => StreamReading.ReadAllAsync(bad.Body.Content))).Failure.Error.ShouldBe(S3Errors.XAmzContentSha256Mismatch);
    }

    [Fact]
    public async Task PresignerUrl_Verifies_WithItsEmptyContentTypeSentOrLeftOut()
    {
        var presigned = Presign(new S3PresignRequest("PUT", "iguides.plntr.ca", "gallery/ig12345/a b+c.jpg", Temporary(), TimeSpan.FromHours(1))
        {
            Endpoint = new Uri("http://127.0.0.1:9000"),
            SignEmptyContentType = true,
        });
        var resolver = new FakeCredentialResolver().Add(TemporaryKey, "temporary secret", Token);

        await Authenticators.Create(resolver).ShouldAuthenticate(FromUrl(presigned.Url).Header("Content-Type", string.Empty));
        await Authenticators.Create(resolver).ShouldAuthenticate(FromUrl(presigned.Url));
        await Authenticators.Create(resolver).ShouldFail(FromUrl(presigned.Url).Header("Content-Type", "image/jpeg"), S3Errors.SignatureDoesNotMatch);
        resolver.Calls[0].ShouldBe((TemporaryKey, Token));
    }

    [Fact]
    public async Task PresignerUrl_ForAPart_Verifies_AndNotForAnotherPart()
    {
        var presigned = Presign(new S3PresignRequest("PUT", "bucket", "big.bin", Temporary(), TimeSpan.FromHours(1))
        {
            Endpoint = new Uri("http://127.0.0.1:9000"),
            UploadId = "upload/1+2",
            PartNumber = 3,
        });
        var resolver = new FakeCredentialResolver().Add(TemporaryKey, "temporary secret", Token);

        await Authenticators.Create(resolver).ShouldAuthenticate(FromUrl(presigned.Url));
        await Authenticators.Create(resolver).ShouldFail(FromUrl(presigned.Url.Replace("partNumber=3", "partNumber=4", StringComparison.Ordinal)), S3Errors.SignatureDoesNotMatch);
        await Authenticators.Create(resolver, now: presigned.Expires.AddSeconds(1)).ShouldFail(FromUrl(presigned.Url), StowageErrors.AccessDenied);
    }

    private static S3Credentials Temporary() =>
        new(TemporaryKey, "temporary secret", Token, TestRequest.Now.AddHours(2), "account-1", new S3KeyScope("bucket", "big.bin"));

    private static S3PresignedUrl Presign(S3PresignRequest request) =>
        new S3Presigner(Options.Create(new S3Options()), new FakeTimeProvider(TestRequest.Now)).Presign(request);

    private static TestRequest FromUrl(string url)
    {
        var uri = new Uri(url);
        var request = new TestRequest { Method = "PUT", Target = url[(url.IndexOf(uri.Authority, StringComparison.Ordinal) + uri.Authority.Length)..] };
        return request.Header("Host", uri.Authority);
    }
}
