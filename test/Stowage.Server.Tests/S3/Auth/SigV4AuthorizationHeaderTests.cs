using Stowage.Server.Protocols.S3.Auth;

namespace Stowage.Server.Tests.S3.Auth;

public sealed class SigV4AuthorizationHeaderTests
{
    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AK/20261121/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AK/20261121/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-date,Signature=abc")]
    [InlineData("AWS4-HMAC-SHA256   Signature=abc ,  Credential=AK/20261121/us-east-1/s3/aws4_request ,SignedHeaders=Host;X-Amz-Date")]
    public void TryParse_ReadsTheThreeParts_WithOrWithoutSpaces(string header)
    {
        SigV4AuthorizationHeader.IsSigV4(header).ShouldBeTrue();
        SigV4AuthorizationHeader.TryParse(header, out var parsed, out var error).ShouldBeTrue(error);

        parsed.Credential.AccessKeyId.ShouldBe("AK");
        parsed.Credential.Scope.Region.ShouldBe("us-east-1");
        parsed.SignedHeaders.ShouldBe(["host", "x-amz-date"]);
        parsed.Signature.ShouldBe("abc");
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256X Credential=…")]
    [InlineData("AWS AK:sig")]
    [InlineData("aws4-hmac-sha256 Credential=…")]
    public void IsSigV4_OnlyForTheExactAlgorithm(string header) => SigV4AuthorizationHeader.IsSigV4(header).ShouldBeFalse();
}
