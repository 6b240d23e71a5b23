using Stowage.Core.S3.Signing;

namespace Stowage.Core.Tests.S3.Signing;

/// <summary>Which x-amz-* headers a SigV4 signature leaves uncovered (S3's 403 "…headers … which were not signed").</summary>
public sealed class SigV4UnsignedHeadersTests
{
    private static readonly List<KeyValuePair<string, string>> NoQuery = [];

    [Fact]
    public void Find_ReturnsNothing_WhenEveryAmzHeaderIsSigned()
    {
        var headers = Headers(("Host", "h"), ("X-Amz-Date", "20261121T192838Z"), ("x-amz-acl", "bucket-owner-full-control"), ("x-amz-meta-camera", "X100"));

        SigV4UnsignedHeaders.Find(headers, ["host", "x-amz-acl", "x-amz-date", "x-amz-meta-camera"], NoQuery, presigned: false).ShouldBeEmpty();
    }

    [Fact]
    public void Find_NamesEveryUnsignedAmzHeader_LowerCaseSortedOnce()
    {
        var headers = Headers(("X-Amz-Meta-Evil", "1"), ("x-amz-acl", "public-read"), ("x-amz-meta-evil", "2"), ("x-amz-date", "d"));

        SigV4UnsignedHeaders.Find(headers, ["host", "x-amz-date"], NoQuery, presigned: false).ShouldBe(["x-amz-acl", "x-amz-meta-evil"]);
    }

    [Fact]
    public void Find_IgnoresHeadersOutsideTheAmzPrefix()
    {
        var headers = Headers(("x-amzn-trace-id", "Root=1"), ("User-Agent", "curl"), ("Expect", "100-continue"), ("amz-sdk-request", "attempt=1"), ("Content-Type", "image/jpeg"));

        SigV4UnsignedHeaders.Find(headers, ["host"], NoQuery, presigned: true).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Find_ExemptsXAmzContentSha256_AsS3Does(bool presigned) =>
        SigV4UnsignedHeaders.Find(Headers(("x-amz-content-sha256", "UNSIGNED-PAYLOAD")), ["host"], NoQuery, presigned).ShouldBeEmpty();

    [Fact]
    public void Find_ExemptsXAmzDate_OnlyWithAnAuthorizationHeader()
    {
        var headers = Headers(("x-amz-date", "20261121T192838Z"));

        SigV4UnsignedHeaders.Find(headers, ["host"], NoQuery, presigned: false).ShouldBeEmpty();
        SigV4UnsignedHeaders.Find(headers, ["host"], NoQuery, presigned: true).ShouldBe(["x-amz-date"]);
    }

    [Fact]
    public void Find_CountsAHeaderAsSigned_WhenTheSignedQueryCarriesItWithTheSameValue()
    {
        // The JS SDK's getSignedUrl hoists x-amz-acl into the query; uploaders send the header too (reference/s3-wire).
        List<KeyValuePair<string, string>> query = [new("x-amz-acl", "bucket-owner-full-control"), new("X-Amz-Security-Token", "tok")];

        SigV4UnsignedHeaders.Find(Headers(("x-amz-acl", " bucket-owner-full-control "), ("x-amz-security-token", "tok")), ["host"], query, presigned: true).ShouldBeEmpty();
        SigV4UnsignedHeaders.Find(Headers(("x-amz-acl", "public-read")), ["host"], query, presigned: true).ShouldBe(["x-amz-acl"]);
    }

    [Theory]
    [InlineData("x-amz-checksum-crc32")]
    [InlineData("x-amz-sdk-checksum-algorithm")]
    [InlineData("x-amz-checksum-mode")]
    [InlineData("x-amz-security-token")]
    [InlineData("x-amz-decoded-content-length")]
    [InlineData("x-amz-copy-source")]
    public void Find_RefusesOtherAmzHeaders_Unsigned_OnPresignedRequests(string name) =>
        SigV4UnsignedHeaders.Find(Headers((name, "v")), ["host"], NoQuery, presigned: true).ShouldBe([name]);

    private static List<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers) =>
        [.. headers.Select(static h => new KeyValuePair<string, string>(h.Name, h.Value))];
}
