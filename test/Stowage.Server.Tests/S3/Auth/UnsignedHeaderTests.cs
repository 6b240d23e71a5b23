using Stowage.Server.Protocols.S3;
using System.Text;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.S3.Signing;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

/// <summary>
/// x-amz-* headers the signature does not cover are refused as S3 refuses them: 403 AccessDenied "There were
/// headers present in the request which were not signed", naming them in HeadersNotSigned (docs/protocols/s3.md,
/// "Unsigned headers"). What real clients send unsigned (x-amz-content-sha256; an x-amz-acl also hoisted into a
/// presigned query) still authenticates, checked against every captured request.
/// </summary>
public sealed class UnsignedHeaderTests
{
    private const string TemporaryKey = "ASIATEMPORARY0000001";
    private const string Token = "IQoJb3JpZ2luX2VjEJr//////////wEa+probe/TOKEN+example==";
    private static readonly long InAnHour = TestRequest.Now.AddHours(1).ToUnixTimeSeconds();

    [Fact]
    public async Task HeaderAuth_RefusesAnUnsignedUserMetadataHeader()
    {
        var request = Put().Header("x-amz-meta-camera", "X100");
        request.SignV4();
        request.Header("x-amz-meta-injected", "added after signing");

        var failure = await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, "x-amz-meta-injected");
    }

    [Fact]
    public async Task HeaderAuth_RefusesAnUnsignedAcl_OnATemporaryCredentialsPut()
    {
        var resolver = new FakeCredentialResolver().Add(TemporaryKey, TestRequest.Secret, Token);
        var request = Put();
        request.SignV4(accessKeyId: TemporaryKey, token: Token);
        request.Header("x-amz-acl", "bucket-owner-full-control");

        var failure = await Authenticators.Create(resolver).ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, "x-amz-acl");
    }

    [Fact]
    public async Task HeaderAuth_NamesEveryUnsignedHeader_SortedAndSeparatedAsS3Does()
    {
        var request = Put();
        request.SignV4();
        request.Header("x-amz-meta-b", "2").Header("X-Amz-Checksum-Crc32", "AAAAAA==").Header("x-amz-meta-a", "1");

        var failure = await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, "x-amz-checksum-crc32, x-amz-meta-a, x-amz-meta-b");
    }

    [Fact]
    public async Task HeaderAuth_Accepts_XAmzContentSha256AndXAmzDate_Unsigned()
    {
        // Both values are in the string to sign anyway: the payload hash as the canonical request's last line, the date as its timestamp.
        var request = Put();
        request.SignV4(signedHeaders: ["host"]);
        request.Headers.ShouldContain(static h => h.Key == "x-amz-content-sha256");
        request.Headers.ShouldContain(static h => h.Key == "x-amz-date");

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task HeaderAuth_ChecksTheSignatureFirst()
    {
        var request = Put();
        request.SignV4(secret: "not the secret");
        request.Header("x-amz-meta-injected", "1");

        await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);
    }

    [Fact]
    public async Task Presigned_RefusesAnUnsignedUserMetadataHeader()
    {
        var request = Put();
        request.PresignV4();
        request.Header("x-amz-meta-injected", "1");

        var failure = await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, "x-amz-meta-injected");
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32", "AAAAAA==")]
    [InlineData("x-amz-sdk-checksum-algorithm", "CRC32")]
    [InlineData("x-amz-acl", "bucket-owner-full-control")]
    [InlineData("x-amz-date", "20261121T000000Z")] // not X-Amz-Date's value: a header repeating a signed parameter is covered
    public async Task Presigned_RefusesOtherAmzHeaders_SentButNotSigned(string name, string value)
    {
        var request = Put();
        request.PresignV4();
        request.Header(name, value);

        var failure = await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, name);
    }

    [Fact]
    public async Task Presigned_AcceptsASignedAmzHeader()
    {
        var request = Put().Header("x-amz-meta-camera", "X100");
        request.PresignV4(signedHeaders: ["host", "x-amz-meta-camera"]);

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Presigned_AcceptsAnAclHeader_ThatRepeatsTheAclHoistedIntoTheQuery()
    {
        // getSignedUrl(PutObject, ACL) puts x-amz-acl into the signed query; uploaders send it as a header too (reference/s3-wire).
        var request = Put().Header("x-amz-acl", "bucket-owner-full-control").Header("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        request.PresignV4(payloadHash: "UNSIGNED-PAYLOAD", extraQuery: [new("x-amz-acl", "bucket-owner-full-control"), new("x-id", "PutObject")]);

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task Presigned_RefusesAnAclHeader_ThatDiffersFromTheAclInTheQuery()
    {
        var request = Put().Header("x-amz-acl", "public-read");
        request.PresignV4(extraQuery: [new("x-amz-acl", "bucket-owner-full-control")]);

        var failure = await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, "x-amz-acl");
    }

    [Fact]
    public async Task PresignedV2_RefusesAnAmzHeader_ThatDiffersFromItsSignedQueryTwin()
    {
        // SigV2 signs every x-amz-* header, but a query parameter of the same name replaces the header in the string to sign.
        var request = Put().Header("x-amz-acl", "public-read");
        request.PresignV2(InAnHour, extraQuery: [new("x-amz-acl", "bucket-owner-full-control")]);

        var failure = await Authenticators.Create().ShouldFail(request, StowageErrors.AccessDenied);

        ShouldNameUnsigned(failure, "x-amz-acl");
    }

    [Fact]
    public async Task PresignedV2_AcceptsAnAmzHeader_ThatRepeatsItsSignedQueryTwin()
    {
        var request = Put().Header("x-amz-acl", "bucket-owner-full-control");
        request.PresignV2(InAnHour, extraQuery: [new("x-amz-acl", "bucket-owner-full-control")]);

        await Authenticators.Create().ShouldAuthenticate(request);
    }

    [Fact]
    public async Task PresignedV2_RefusesAnUnsignedAmzHeader_AsASignatureMismatch()
    {
        // Every x-amz-* header is part of SigV2's string to sign: one added afterwards changes it.
        var request = Put();
        request.PresignV2(InAnHour);
        request.Header("x-amz-meta-injected", "1");

        await Authenticators.Create().ShouldFail(request, S3Errors.SignatureDoesNotMatch);
    }

    public static TheoryData<string, int> CapturedSigV4Requests
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var file in WireLog.Files)
            {
                foreach (var entry in WireLog.Read(file).Where(static e => e.CanonicalRequest is not null))
                {
                    data.Add(file, entry.Number);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CapturedSigV4Requests))]
    public void EveryCapturedRealClientRequest_LeavesNoAmzHeaderUncovered(string file, int number)
    {
        var entry = WireLog.Read(file).Single(e => e.Number == number);
        var query = SigV4Encoding.ParseQuery(entry.Target.Contains('?', StringComparison.Ordinal) ? entry.Target[(entry.Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : null);
        var authorization = entry.Headers.FirstOrDefault(static h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;
        var presigned = authorization is null;
        var signed = presigned
            ? query.Single(static p => p.Key == SigV4.QuerySignedHeaders).Value
            : authorization!.Split("SignedHeaders=")[1].Split(',')[0];

        SigV4UnsignedHeaders.Find(entry.Headers, signed.Split(';'), query, presigned).ShouldBeEmpty();
    }

    private static TestRequest Put() => new() { Body = Encoding.UTF8.GetBytes("payload") };

    private static void ShouldNameUnsigned(Failure failure, string names)
    {
        failure.Message.ShouldBe("There were headers present in the request which were not signed");
        failure.Details["HeadersNotSigned"].ShouldBe(names);
    }
}
