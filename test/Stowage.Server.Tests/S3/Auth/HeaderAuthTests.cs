using Stowage.Server.Protocols.S3;
using Stowage.Core.Errors;
using System.Text;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Streaming;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

public sealed class HeaderAuthTests
{
    [Fact]
    public async Task Authenticate_AcceptsASignedPut_AndReturnsThePrincipalAndTheBody()
    {
        var request = Put("hello").Header("x-amz-acl", "bucket-owner-full-control");
        request.SignV4();

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        authenticated.Principal.KeyId.ShouldBe(TestRequest.AccessKeyId);
        authenticated.Body.DecodedLength.ShouldBe(5);
        Encoding.UTF8.GetString(await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe("hello");
    }

    [Fact]
    public async Task Authenticate_AcceptsNoSpaceAfterTheCommas_AsS3cmdSends()
    {
        var request = Put("hello");
        request.SignV4(spaceAfterCommas: false);

        request.Headers.Single(h => h.Key == "Authorization").Value.ShouldContain(",SignedHeaders=");
        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_ReturnsSignatureDoesNotMatch_WhenSecretIsWrong_WithWhatWasSigned()
    {
        var request = Put("hello");
        var signature = request.SignV4(secret: "another secret");

        var failure = await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);

        failure.Details["SignatureProvided"].ShouldBe(signature);
        failure.Details["AWSAccessKeyId"].ShouldBe(TestRequest.AccessKeyId);
        ((string)failure.Details["CanonicalRequest"]!).ShouldStartWith("PUT\n/bucket/photos/a3K9.jpg\n\ncontent-length:5\nhost:127.0.0.1:9000\n");
        ((string)failure.Details["StringToSign"]!).ShouldStartWith("AWS4-HMAC-SHA256\n20261121T192838Z\n20261121/us-east-1/s3/aws4_request\n");
    }

    [Fact]
    public async Task Authenticate_ReturnsSignatureDoesNotMatch_WhenASignedHeaderChanged()
    {
        var request = Put("hello").Header("x-amz-acl", "bucket-owner-full-control");
        request.SignV4();
        request.Header("x-amz-acl", "public-read");

        await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public async Task Authenticate_IgnoresUnsignedHeaders()
    {
        var request = Put("hello");
        request.SignV4();
        request.Header("User-Agent", "added after signing");

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_ReturnsSignatureDoesNotMatch_WhenTheQueryChanged()
    {
        var request = new TestRequest { Method = "PUT", Target = "/bucket/key?partNumber=1&uploadId=abc" };
        request.SignV4();
        request.Target = "/bucket/key?partNumber=2&uploadId=abc";

        await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);
    }

    [Theory]
    [InlineData("/bucket/key?uploads")]
    [InlineData("/bucket/key?uploads=")]
    [InlineData("/bucket/key?x-id=UploadPart&uploadId=a%2Fb%2Bc&partNumber=3")]
    [InlineData("/bucket/a%20b/%C3%A9t%C3%A9.jpg")]
    [InlineData("/bucket/?list-type=2&prefix=photos%2F&delimiter=%2F")]
    public async Task Authenticate_AcceptsQueriesAndEncodedPaths(string target)
    {
        var request = new TestRequest { Method = "POST", Target = target };
        request.SignV4();

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_AcceptsAPathSentRawButSignedEncoded()
    {
        var request = new TestRequest { Method = "PUT", Target = "/bucket/test$file.text" };
        request.SignV4(canonicalUri: "/bucket/test%24file.text");

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_JoinsRepeatedSignedHeaderValuesWithCommas()
    {
        var request = Put("x");
        request.Headers.Add(new("x-amz-meta-tag", "one"));
        request.Headers.Add(new("x-amz-meta-tag", " two  words "));
        request.SignV4();

        var failure = await Authenticators.Create().ShouldFail(ResignWithWrongSecret(request), S3Errors.SignatureDoesNotMatch);
        ((string)failure.Details["CanonicalRequest"]!).ShouldContain("\nx-amz-meta-tag:one,two words\n");
        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_PassesTheSignedSessionTokenToTheResolver()
    {
        var resolver = new FakeCredentialResolver().Add("ASIATEMPORARY0000001", TestRequest.Secret, "token/with+chars==");
        var request = Put("hello");
        request.SignV4(accessKeyId: "ASIATEMPORARY0000001", token: "token/with+chars==");

        await Authenticators.Create(resolver).ShouldAuthenticate(request);

        resolver.Calls.ShouldBe([("ASIATEMPORARY0000001", "token/with+chars==")]);
    }

    [Fact]
    public async Task Authenticate_ReturnsAccessDenied_WhenTheSessionTokenIsNotSigned()
    {
        var request = Put("hello");
        request.SignV4();
        request.Header("x-amz-security-token", "token");

        (await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied)).Message.ShouldContain("x-amz-security-token");
    }

    [Fact]
    public async Task Authenticate_ReturnsTheResolversFailure()
    {
        var request = Put("hello");
        request.SignV4(accessKeyId: "AKIAUNKNOWN000000000");

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidApiKey);
    }

    [Theory]
    [InlineData(-14 * 60)]
    [InlineData(14 * 60)]
    public async Task Authenticate_AcceptsAClockWithinFifteenMinutes(int skewSeconds)
    {
        var request = Put("hello");
        request.SignV4(time: TestRequest.Now.AddSeconds(skewSeconds));

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Theory]
    [InlineData(-16 * 60)]
    [InlineData(16 * 60)]
    public async Task Authenticate_ReturnsRequestTimeTooSkewed_BeyondFifteenMinutes(int skewSeconds)
    {
        var request = Put("hello");
        request.SignV4(time: TestRequest.Now.AddSeconds(skewSeconds));

        var failure = await Authenticators.Create().ShouldFail(request, S3Errors.RequestTimeTooSkewed);

        failure.Details["MaxAllowedSkewMilliseconds"].ShouldBe("900000");
        failure.Details["ServerTime"].ShouldBe("2026-11-21T19:28:38Z");
    }

    [Fact]
    public async Task Authenticate_ReturnsAuthorizationHeaderMalformed_WhenTheScopeDateIsNotTheRequestDate()
    {
        var request = Put("hello");
        request.SignV4(time: TestRequest.Now.AddDays(-1));
        request.Header("x-amz-date", "20261121T192838Z");

        (await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationHeaderMalformed)).Message.ShouldContain("Date is not the same as X-Amz-Date");
    }

    [Fact]
    public async Task Authenticate_ReturnsAuthorizationHeaderMalformed_ForAnotherService()
    {
        var request = Put("hello");
        request.SignV4(service: "iam");

        (await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationHeaderMalformed)).Message.ShouldContain("incorrect service 'iam'");
    }

    [Theory]
    [InlineData("eu-central-1")]
    [InlineData("auto")]
    public async Task Authenticate_AcceptsAnyRegion(string region)
    {
        var request = Put("hello");
        request.SignV4(region: region);

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_ReturnsAuthorizationHeaderMalformed_WhenHostIsNotSigned()
    {
        var request = Put("hello");
        request.SignV4(signedHeaders: ["x-amz-content-sha256", "x-amz-date"]);

        (await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationHeaderMalformed)).Message.ShouldContain("host");
    }

    [Fact]
    public async Task Authenticate_ReturnsInvalidRequest_WithoutXAmzContentSha256()
    {
        var request = Put("hello");
        request.SignV4();
        request.Headers.RemoveAll(h => h.Key == "x-amz-content-sha256");

        (await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidRequest)).Message.ShouldContain("x-amz-content-sha256");
    }

    [Fact]
    public async Task Authenticate_ReturnsInvalidArgument_ForAnUnknownPayloadHash()
    {
        var request = Put("hello");
        request.SignV4(payloadHash: "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD");

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidField);
    }

    [Fact]
    public async Task Authenticate_ReturnsAccessDenied_WithoutXAmzDate()
    {
        var request = Put("hello");
        request.SignV4();
        request.Headers.RemoveAll(h => h.Key == "x-amz-date");

        await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIATESTKEY00000001/20261121/us-east-1/s3/aws4_request, SignedHeaders=host")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIATESTKEY00000001/20261121/us-east-1/s3, SignedHeaders=host, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIATESTKEY00000001/20261121/us-east-1/s3/aws4_request, SignedHeaders=host;;x-amz-date, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIATESTKEY00000001/20261121/us-east-1/s3/aws4_request, Junk, Signature=00")]
    public async Task Authenticate_ReturnsAuthorizationHeaderMalformed_ForAMalformedHeader(string authorization)
    {
        var request = Put("hello");
        request.SignV4();
        request.Header("Authorization", authorization);

        await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationHeaderMalformed);
    }

    [Theory]
    [InlineData("Bearer sk_abc")]
    [InlineData("AWS4-ECDSA-P256-SHA256 Credential=x")]
    public async Task Authenticate_ReturnsInvalidArgument_ForAnotherScheme(string authorization)
    {
        var request = Put("hello").Header("Authorization", authorization);

        await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidField);
    }

    [Fact]
    public async Task Authenticate_ReturnsAccessDenied_ForAnAnonymousRequest() =>
        (await Authenticators.Create().ShouldFail(Put("hello"), StowageErrors.AccessDenied)).Message.ShouldContain("Anonymous");

    [Fact]
    public async Task Authenticate_ReturnsInvalidArgument_WhenHeaderAndQueryBothAuthenticate()
    {
        var request = new TestRequest { Method = "GET", Target = "/bucket/key?X-Amz-Signature=abc" };
        request.SignV4();

        (await Authenticators.Create().ShouldFail(request, StowageErrors.InvalidField)).Message.ShouldStartWith("Only one auth mechanism allowed");
    }

    [Fact]
    public async Task Content_Throws_WhenTheBodyDoesNotMatchItsSignedSha256()
    {
        var request = Put("hello");
        request.SignV4();
        request.Body = Encoding.UTF8.GetBytes("jello");

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        var thrown = await Should.ThrowAsync<S3BodyException>(() => StreamReading.ReadAllAsync(authenticated.Body.Content));
        thrown.Failure.Error.ShouldBe(S3Errors.XAmzContentSha256Mismatch);
    }

    [Fact]
    public async Task UnsignedPayload_PassesTheBodyThrough_WithLengthUnknownWhenNotDeclared()
    {
        var request = new TestRequest { Body = Encoding.UTF8.GetBytes("anything") };
        request.SignV4(payloadHash: "UNSIGNED-PAYLOAD");

        var authenticated = await Authenticators.Create().ShouldAuthenticate(request);

        authenticated.Body.DecodedLength.ShouldBeNull();
        Encoding.UTF8.GetString(StreamReading.ReadAll(authenticated.Body.Content)).ShouldBe("anything");
    }

    private static TestRequest Put(string body) =>
        new TestRequest { Body = Encoding.UTF8.GetBytes(body) }.Header("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static TestRequest ResignWithWrongSecret(TestRequest request)
    {
        var copy = new TestRequest { Method = request.Method, Target = request.Target, Body = request.Body };
        copy.Headers.Clear();
        copy.Headers.AddRange(request.Headers);
        copy.SignV4(secret: "wrong");
        return copy;
    }
}
