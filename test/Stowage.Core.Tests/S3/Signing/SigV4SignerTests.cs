using Stowage.Core.S3.Signing;

namespace Stowage.Core.Tests.S3.Signing;

/// <summary>Signatures against AWS's published examples: a pass means the math matches the real service, not just itself.</summary>
public sealed class SigV4SignerTests
{
    [Fact]
    public void SigningKey_MatchesTheIamGuideExample() =>
        // docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html ("derive a signing key" example).
        Convert.ToHexStringLower(SigningKeys.Derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", new SigV4Scope("20120215", "us-east-1", "iam")))
            .ShouldBe("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");

    [Fact]
    public void SigningKeys_Get_CachesPerScope()
    {
        var first = SigningKeys.Get(AwsExamples.SecretAccessKey, AwsExamples.Scope);

        SigningKeys.Get(AwsExamples.SecretAccessKey, AwsExamples.Scope).ShouldBeSameAs(first);
        SigningKeys.Get(AwsExamples.SecretAccessKey, AwsExamples.Scope with { Region = "eu-west-1" }).ShouldNotBe(first);
        first.ShouldBe(SigningKeys.Derive(AwsExamples.SecretAccessKey, AwsExamples.Scope));
    }

    [Fact]
    public void GetObject_MatchesTheHeaderAuthExample()
    {
        // sig-v4-header-based-auth.html, "Example: GET Object" (Range: bytes=0-9).
        var canonical = SigV4CanonicalRequest.Build(
            "GET",
            "/test.txt",
            string.Empty,
            [
                new("host", "examplebucket.s3.amazonaws.com"),
                new("range", "bytes=0-9"),
                new("x-amz-content-sha256", SigV4.EmptySha256),
                new("x-amz-date", AwsExamples.Timestamp),
            ],
            SigV4.EmptySha256);

        canonical.ShouldBe(
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n" +
            $"x-amz-content-sha256:{SigV4.EmptySha256}\nx-amz-date:20130524T000000Z\n\n" +
            $"host;range;x-amz-content-sha256;x-amz-date\n{SigV4.EmptySha256}");
        var stringToSign = SigV4Signer.StringToSign(AwsExamples.Timestamp, AwsExamples.Scope, canonical);
        stringToSign.ShouldBe("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
        Sign(stringToSign).ShouldBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    [Fact]
    public void PutObject_MatchesTheHeaderAuthExample()
    {
        // "Example: PUT Object": the key test$file.text, signed as /test%24file.text.
        const string payload = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
        SigV4Signer.Sha256Hex("Welcome to Amazon S3.").ShouldBe(payload);
        var canonical = SigV4CanonicalRequest.Build(
            "PUT",
            SigV4Encoding.NormalizePath("/test$file.text"),
            string.Empty,
            [
                new("date", "Fri, 24 May 2013 00:00:00 GMT"),
                new("host", "examplebucket.s3.amazonaws.com"),
                new("x-amz-content-sha256", payload),
                new("x-amz-date", AwsExamples.Timestamp),
                new("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ],
            payload);

        Sign(SigV4Signer.StringToSign(AwsExamples.Timestamp, AwsExamples.Scope, canonical))
            .ShouldBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    [Fact]
    public void GetBucketLifecycle_MatchesTheExample_WithAValuelessQueryKey()
    {
        // "Example: GET Bucket Lifecycle": ?lifecycle is canonicalized as lifecycle=.
        var query = SigV4Encoding.CanonicalQueryString(SigV4Encoding.ParseQuery("lifecycle"));
        query.ShouldBe("lifecycle=");

        Sign(SigV4Signer.StringToSign(AwsExamples.Timestamp, AwsExamples.Scope, SigV4CanonicalRequest.Build(
                "GET",
                "/",
                query,
                [new("host", "examplebucket.s3.amazonaws.com"), new("x-amz-content-sha256", SigV4.EmptySha256), new("x-amz-date", AwsExamples.Timestamp)],
                SigV4.EmptySha256)))
            .ShouldBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    [Fact]
    public void ListObjects_MatchesTheExample_WithSortedQuery()
    {
        // "Example: Get Bucket (List Objects)": ?max-keys=2&prefix=J, sent in the other order here.
        var query = SigV4Encoding.CanonicalQueryString(SigV4Encoding.ParseQuery("prefix=J&max-keys=2"));
        query.ShouldBe("max-keys=2&prefix=J");

        Sign(SigV4Signer.StringToSign(AwsExamples.Timestamp, AwsExamples.Scope, SigV4CanonicalRequest.Build(
                "GET",
                "/",
                query,
                [new("host", "examplebucket.s3.amazonaws.com"), new("x-amz-content-sha256", SigV4.EmptySha256), new("x-amz-date", AwsExamples.Timestamp)],
                SigV4.EmptySha256)))
            .ShouldBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    [Fact]
    public void PresignedGet_MatchesTheQueryAuthExample()
    {
        // sigv4-query-string-auth.html: GET /test.txt for 86400 s; the payload is UNSIGNED-PAYLOAD.
        var query = SigV4Encoding.CanonicalQueryString(SigV4Encoding.ParseQuery(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
            "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"));

        Sign(SigV4Signer.StringToSign(AwsExamples.Timestamp, AwsExamples.Scope, SigV4CanonicalRequest.Build(
                "GET",
                "/test.txt",
                query,
                [new("host", "examplebucket.s3.amazonaws.com")],
                SigV4.UnsignedPayload)))
            .ShouldBe("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    [Fact]
    public void StreamingPut_SeedAndChunkSignatures_MatchTheChunkedUploadExample()
    {
        // sigv4-streaming.html: 66560 bytes of 'a' as 64 KiB + 1 KiB + the empty final chunk.
        var key = SigningKeys.Get(AwsExamples.SecretAccessKey, AwsExamples.Scope);
        var seed = Sign(SigV4Signer.StringToSign(AwsExamples.Timestamp, AwsExamples.Scope, SigV4CanonicalRequest.Build(
            "PUT",
            "/examplebucket/chunkObject.txt",
            string.Empty,
            [
                new("content-encoding", "aws-chunked"),
                new("content-length", "66824"),
                new("host", "s3.amazonaws.com"),
                new("x-amz-content-sha256", SigV4.StreamingSignedPayload),
                new("x-amz-date", AwsExamples.Timestamp),
                new("x-amz-decoded-content-length", "66560"),
                new("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ],
            SigV4.StreamingSignedPayload)));
        seed.ShouldBe("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");

        var first = SigV4Signer.Sign(key, SigV4Signer.ChunkStringToSign(AwsExamples.Timestamp, AwsExamples.Scope, seed, Sha256Hex(new byte[65536], 'a')));
        first.ShouldBe("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        var second = SigV4Signer.Sign(key, SigV4Signer.ChunkStringToSign(AwsExamples.Timestamp, AwsExamples.Scope, first, Sha256Hex(new byte[1024], 'a')));
        second.ShouldBe("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
        var final = SigV4Signer.Sign(key, SigV4Signer.ChunkStringToSign(AwsExamples.Timestamp, AwsExamples.Scope, second, SigV4.EmptySha256));
        final.ShouldBe("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
    }

    [Fact]
    public void TrailerSignature_MatchesTheAwsCrtVector()
    {
        // The trailing-headers vector of aws-c-auth's sigv4 tests (and the SDKs built on it): the chunked
        // example above followed by trailers first:1st, second:2nd, third:3rd, chained from the final chunk.
        var canonical = SigV4Signer.CanonicalTrailer([new("third", "3rd"), new("First", " 1st "), new("second", "2nd")]);
        canonical.ShouldBe("first:1st\nsecond:2nd\nthird:3rd\n");

        Sign(SigV4Signer.TrailerStringToSign(AwsExamples.Timestamp, AwsExamples.Scope, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9", canonical))
            .ShouldBe("df5735bd9f3295cd9386572292562fefc93ba94e80a0a1ddcbd652c4e0a75e6c");
    }

    [Theory]
    [InlineData("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", true)]
    [InlineData("F0E8BDB87C964420E857BD35B5D6ED310BD44F0170ABA48DD91039C6036BDB41", true)]
    [InlineData("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb42", false)]
    [InlineData("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb4", false)]
    [InlineData("P0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", false)]
    [InlineData("\u0010", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SignaturesEqual_IgnoresCaseOnlyForHex(string? provided, bool equal) =>
        SigV4Signer.SignaturesEqual("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", provided).ShouldBe(equal);

    private static string Sign(string stringToSign) =>
        SigV4Signer.Sign(SigningKeys.Get(AwsExamples.SecretAccessKey, AwsExamples.Scope), stringToSign);

    private static string Sha256Hex(byte[] buffer, char fill)
    {
        Array.Fill(buffer, (byte)fill);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer));
    }
}
