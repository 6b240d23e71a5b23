using Stowage.Core.S3.Signing;

namespace Stowage.Core.Tests.S3.Signing;

/// <summary>Against the examples of docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html.</summary>
public sealed class SigV2SignerTests
{
    [Fact]
    public void ObjectGet_MatchesTheExample()
    {
        var stringToSign = SigV2Signer.StringToSign(
            "GET",
            null,
            null,
            "Tue, 27 Mar 2007 19:36:42 +0000",
            SigV2Signer.CanonicalAmzHeaders([]),
            SigV2Signer.CanonicalResource("/johnsmith/photos/puppy.jpg", []));

        stringToSign.ShouldBe("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg");
        SigV2Signer.Sign(AwsExamples.SecretAccessKey, stringToSign).ShouldBe("bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
    }

    [Fact]
    public void Upload_WithAmzHeaders_MatchesTheExample()
    {
        // Repeated x-amz-meta-reviewedby values are joined with ',', names lowercased and sorted.
        var amz = SigV2Signer.CanonicalAmzHeaders(
        [
            new("x-amz-acl", "public-read"),
            new("X-Amz-Meta-ReviewedBy", "joe@johnsmith.net"),
            new("X-Amz-Meta-ReviewedBy", "jane@johnsmith.net"),
            new("X-Amz-Meta-FileChecksum", "0x02661779"),
            new("X-Amz-Meta-ChecksumAlgorithm", "crc32"),
            new("Content-Type", "application/x-download"),
        ]);
        amz.ShouldBe("x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\nx-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\n");

        var stringToSign = SigV2Signer.StringToSign(
            "PUT", "4gJE4saaMU4BqNR0kLY+lw==", "application/x-download", "Tue, 27 Mar 2007 21:06:08 +0000", amz, "/static.johnsmith.net/db-backup.dat.gz");
        SigV2Signer.Sign(AwsExamples.SecretAccessKey, stringToSign).ShouldBe("ilyl83RwaSoYIEdixDQcA4OnAnc=");
    }

    [Fact]
    public void QueryStringAuth_MatchesTheExample() =>
        // "Query string request authentication": Expires takes the Date's place.
        SigV2Signer.Sign(AwsExamples.SecretAccessKey, SigV2Signer.StringToSign("GET", null, null, "1175139620", string.Empty, "/johnsmith/photos/puppy.jpg"))
            .ShouldBe("NpgCjnDzrM+WFzoENXmpNDUsSn8=");

    [Fact]
    public void CanonicalResource_KeepsOnlySubResources_Sorted()
    {
        SigV2Signer.CanonicalResource(
                "/bucket/key",
                [new("uploadId", "abc"), new("partNumber", "2"), new("x-id", "UploadPart"), new("AWSAccessKeyId", "AK"), new("Expires", "1")])
            .ShouldBe("/bucket/key?partNumber=2&uploadId=abc");
        SigV2Signer.CanonicalResource("/bucket/key", [new("uploads", "")]).ShouldBe("/bucket/key?uploads");
        SigV2Signer.CanonicalResource("/bucket/", [new("acl", null)]).ShouldBe("/bucket/?acl");
    }

    [Fact]
    public void SignaturesEqual_ComparesExactly()
    {
        SigV2Signer.SignaturesEqual("bWq2s1WEIj+Ydj0vQ697zp+IXMU=", "bWq2s1WEIj+Ydj0vQ697zp+IXMU=").ShouldBeTrue();
        SigV2Signer.SignaturesEqual("bWq2s1WEIj+Ydj0vQ697zp+IXMU=", "BWq2s1WEIj+Ydj0vQ697zp+IXMU=").ShouldBeFalse();
        SigV2Signer.SignaturesEqual("bWq2s1WEIj+Ydj0vQ697zp+IXMU=", null).ShouldBeFalse();
    }
}
