using Stowage.Server.Protocols.S3;
using Stowage.Core.Errors;
using System.Text;
using Stowage.Core.S3;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

public sealed class PresignedV2Tests
{
    private const string Token = "IQoJb3JpZ2luX2VjEJr//////////wEa+probe/TOKEN+example==";
    private static readonly long InAnHour = TestRequest.Now.AddHours(1).ToUnixTimeSeconds();

    [Fact]
    public async Task Authenticate_AcceptsBoto3sPresignedPut_WithAclAndContentTypeInTheQuery_AndTheToken()
    {
        // generate_presigned_url('put_object', ACL, ContentType): both in the query; the uploader sends them as headers too.
        var resolver = new FakeCredentialResolver().Add(TestRequest.AccessKeyId, TestRequest.Secret, Token);
        var request = new TestRequest { Body = Encoding.UTF8.GetBytes("jpeg bytes") }
            .Header("x-amz-acl", "bucket-owner-full-control")
            .Header("Content-Type", "image/jpeg");
        request.PresignV2(InAnHour, Token, extraQuery: [new("x-amz-acl", "bucket-owner-full-control"), new("content-type", "image/jpeg")]);

        var authenticated = await Authenticators.Create(resolver).ShouldAuthenticate(request);

        resolver.Calls.ShouldBe([(TestRequest.AccessKeyId, Token)]);
        Encoding.UTF8.GetString(await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe("jpeg bytes");
    }

    [Fact]
    public async Task Authenticate_TakesContentTypeFromTheQuery_WhenTheHeaderIsAbsent()
    {
        var request = new TestRequest();
        request.PresignV2(InAnHour, extraQuery: [new("content-type", "image/jpeg")]);

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Authenticate_SignsSubResources()
    {
        var request = new TestRequest { Target = "/bucket/key?partNumber=2&uploadId=abc" };
        request.PresignV2(InAnHour);
        await Authenticators.Create().ShouldAuthenticate(request);

        request.Target = request.Target.Replace("partNumber=2", "partNumber=3", StringComparison.Ordinal);
        await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public async Task Authenticate_ReturnsSignatureDoesNotMatch_WithTheStringToSign()
    {
        var request = new TestRequest { Method = "GET" };
        request.PresignV2(InAnHour, secret: "wrong");

        var failure = await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);

        failure.Details["StringToSign"].ShouldBe($"GET\n\n\n{InAnHour}\n/bucket/photos/a3K9.jpg");
    }

    [Fact]
    public async Task Authenticate_AcceptsASignatureWhosePlusWasNotEncoded()
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = new TestRequest { Target = $"/bucket/key{attempt}" };
            request.PresignV2(InAnHour);
            if (!request.Target.Contains("%2B", StringComparison.Ordinal) || !request.Target.Split('&').Any(p => p.StartsWith("Signature=", StringComparison.Ordinal) && p.Contains("%2B", StringComparison.Ordinal)))
            {
                continue;
            }

            request.Target = string.Join('&', request.Target.Split('&').Select(p => p.StartsWith("Signature=", StringComparison.Ordinal) ? p.Replace("%2B", "+", StringComparison.Ordinal) : p));
            await Authenticators.Create().ShouldAuthenticate(request);
            return;
        }
    }

    [Fact]
    public async Task Authenticate_ReturnsAccessDenied_WhenExpired()
    {
        var request = new TestRequest();
        request.PresignV2(TestRequest.Now.AddSeconds(-1).ToUnixTimeSeconds());

        (await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied)).Message.ShouldBe("Request has expired");
    }

    [Fact]
    public async Task Authenticate_RefusesAnExpiryBeyondTheMaximum()
    {
        var request = new TestRequest();
        request.PresignV2(TestRequest.Now.AddDays(8).ToUnixTimeSeconds());

        await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationQueryParametersError);
    }

    [Theory]
    [InlineData("Expires")]
    [InlineData("Signature")]
    public async Task Authenticate_ReturnsAccessDenied_WhenAParameterIsMissing(string parameter)
    {
        var request = new TestRequest();
        request.PresignV2(InAnHour);
        request.Target = string.Join('&', request.Target.Split('&').Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal)));

        await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);
    }

    [Fact]
    public async Task HeaderV2_WithXAmzDate_SignsAnEmptyDateLine()
    {
        var date = TestRequest.Now.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var stringToSign = $"GET\n\n\n\nx-amz-date:{date}\n/bucket/key";
        var request = new TestRequest { Method = "GET", Target = "/bucket/key" }
            .Header("x-amz-date", date)
            .Header("Authorization", $"AWS {TestRequest.AccessKeyId}:{Core.S3.Signing.SigV2Signer.Sign(TestRequest.Secret, stringToSign)}");

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Theory]
    [InlineData("AWS AKIATESTKEY00000001")]
    [InlineData("AWS :abc")]
    [InlineData("AWS AKIATESTKEY00000001:")]
    public async Task HeaderV2_ReturnsAuthorizationHeaderMalformed_ForAMalformedHeader(string authorization)
    {
        var request = new TestRequest().Header("Date", TestRequest.Now.ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Header("Authorization", authorization);

        await Authenticators.Create().ShouldFail(request, S3Errors.AuthorizationHeaderMalformed);
    }
}
