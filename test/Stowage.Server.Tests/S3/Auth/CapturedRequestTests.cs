using Stowage.Server.Protocols.S3;
using Stowage.Core.S3;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

/// <summary>
/// Every request that real clients sent to the capture server (reference/s3-wire, copied to S3/Fixtures):
/// header auth from awscli v1/v2, boto3 1.26/1.43, AWSSDK.S3 (signed streaming with trailer, WHEN_REQUIRED),
/// the JS SDK v3, s3cmd (no space after the commas) and rclone; presigned SigV4 from the JS SDK (x-id,
/// X-Amz-Content-Sha256, x-amz-checksum-crc32=AAAAAA==), .NET (its own parameter order), boto3 s3v4, awscli and
/// rclone; presigned SigV2 from boto3 and awscli v1 (x-amz-acl and content-type in the query) and s3cmd.
/// The capture server verified all of their signatures; the secret is not recorded, so the authenticator runs
/// with another one and must fail with exactly the canonical request and string-to-sign the capture derived.
/// </summary>
public sealed class CapturedRequestTests
{
    private const string ProbeKey = "ASIAPROBEEXAMPLE7777";
    private const string ProbeToken = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+probe/TOKEN+example==";

    public static TheoryData<string, int> Requests
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var file in WireLog.Files)
            {
                foreach (var entry in WireLog.Read(file).Where(static e => e.CanonicalRequest is not null || e.SigV2StringToSign is not null))
                {
                    data.Add(file, entry.Number);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Fixtures_CoverEveryClientAndAuthenticationKind()
    {
        var entries = WireLog.Files.SelectMany(WireLog.Read).ToList();

        entries.Count(static e => e.CanonicalRequest is not null).ShouldBeGreaterThan(90);
        entries.Count(static e => e.SigV2StringToSign is not null).ShouldBeGreaterThanOrEqualTo(8);
        entries.ShouldContain(static e => e.Target.Contains("x-amz-checksum-crc32=AAAAAA%3D%3D", StringComparison.Ordinal));
        entries.ShouldContain(static e => e.Target.Contains("?X-Amz-Expires=", StringComparison.Ordinal)); // .NET's order
        entries.ShouldContain(static e => e.Headers.Any(static h => h.Value.Contains(",SignedHeaders=", StringComparison.Ordinal))); // s3cmd
        entries.ShouldContain(static e => e.Headers.Any(static h => h.Value == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"));
        entries.ShouldContain(static e => e.Headers.Any(static h => h.Value == "STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Authenticate_DerivesTheCapturedCanonicalRequestAndStringToSign(string file, int number)
    {
        var entry = WireLog.Read(file).Single(e => e.Number == number);
        var request = new TestRequest { Method = entry.Method, Target = entry.Target };
        request.Headers.Clear();
        request.Headers.AddRange(entry.Headers);
        var resolver = new FakeCredentialResolver { IgnoreTokens = true }.Add(ProbeKey, "not the secret of the capture");

        var failure = await Authenticators.Create(resolver, entry.Time).ShouldFail(request, S3Errors.SignatureDoesNotMatch);

        if (entry.CanonicalRequest is not null)
        {
            failure.Details["CanonicalRequest"].ShouldBe(entry.CanonicalRequest);
            failure.Details["StringToSign"].ShouldBe(entry.StringToSign);
        }
        else
        {
            failure.Details["StringToSign"].ShouldBe(entry.SigV2StringToSign);
            failure.Details.ContainsKey("CanonicalRequest").ShouldBeFalse();
        }

        failure.Details["AWSAccessKeyId"].ShouldBe(ProbeKey);
        var sentToken = entry.Target.Contains("ecurity-token=", StringComparison.OrdinalIgnoreCase)
            || entry.Headers.Any(static h => h.Key.Equals("x-amz-security-token", StringComparison.OrdinalIgnoreCase));
        resolver.Calls.ShouldBe([(ProbeKey, sentToken ? ProbeToken : null)]);
    }
}
