using Stowage.Server.Protocols.S3;
using Stowage.Core.Errors;
using System.Text;
using Stowage.Core.S3;
using Stowage.Server.Protocols.S3.Auth;
using Stowage.Server.Tests.S3.Support;

namespace Stowage.Server.Tests.S3.Auth;

/// <summary>
/// AWS's published example requests (S3 API reference, "Signature Calculations for the Authorization Header"
/// and "Authenticating Requests: Using Query Parameters"; RESTAuthentication.html for V2), sent whole through
/// the authenticator: the real signatures must verify.
/// </summary>
public sealed class AwsExampleRequestTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset May24 = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetObject_WithRange_Verifies()
    {
        var request = new TestRequest { Method = "GET", Target = "/test.txt" }
            .Header("Host", "examplebucket.s3.amazonaws.com")
            .Header("Range", "bytes=0-9")
            .Header("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            .Header("x-amz-date", "20130524T000000Z")
            .Header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");

        var authenticated = await Authenticator().ShouldAuthenticate(request);

        authenticated.Principal.KeyId.ShouldBe(AccessKey);
    }

    [Theory]
    [InlineData("/test%24file.text")]
    [InlineData("/test$file.text")] // sent raw, signed encoded: the normalized path matches
    public async Task PutObject_Verifies_AndTheBodyMatchesItsSha256(string path)
    {
        var request = new TestRequest { Method = "PUT", Target = path, Body = Encoding.UTF8.GetBytes("Welcome to Amazon S3.") }
            .Header("Host", "examplebucket.s3.amazonaws.com")
            .Header("Date", "Fri, 24 May 2013 00:00:00 GMT")
            .Header("x-amz-date", "20130524T000000Z")
            .Header("x-amz-storage-class", "REDUCED_REDUNDANCY")
            .Header("x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
            .Header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");

        var authenticated = await Authenticator().ShouldAuthenticate(request);

        Encoding.UTF8.GetString(await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe("Welcome to Amazon S3.");
    }

    [Fact]
    public async Task PresignedGet_Verifies_WithinItsDay()
    {
        var request = new TestRequest
        {
            Method = "GET",
            Target = "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
        }.Header("Host", "examplebucket.s3.amazonaws.com");

        await Authenticator(May24.AddHours(23)).ShouldAuthenticate(request);
        var expired = await Authenticator(May24.AddHours(24).AddSeconds(1)).ShouldFail(request, StowageErrors.AccessDenied);
        expired.Message.ShouldBe("Request has expired");
    }

    [Fact]
    public async Task ChunkedPut_VerifiesTheSeed_AndEveryChunk()
    {
        // sigv4-streaming.html: 66560 bytes of 'a' in a 64 KiB chunk, a 1 KiB chunk and the final one.
        var payload = Enumerable.Repeat((byte)'a', 66_560).ToArray();
        var body = new MemoryStream();
        void Chunk(int size, string signature)
        {
            body.Write(Encoding.ASCII.GetBytes($"{size:x};chunk-signature={signature}\r\n"));
            body.Write(payload, 0, size);
            body.Write("\r\n"u8);
        }

        Chunk(65_536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        Chunk(1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
        Chunk(0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
        body.Length.ShouldBe(66_824);
        var request = new TestRequest { Method = "PUT", Target = "/examplebucket/chunkObject.txt", Body = body.ToArray() }
            .Header("Host", "s3.amazonaws.com")
            .Header("x-amz-date", "20130524T000000Z")
            .Header("x-amz-storage-class", "REDUCED_REDUNDANCY")
            .Header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
            .Header("Content-Encoding", "aws-chunked")
            .Header("x-amz-decoded-content-length", "66560")
            .Header("Content-Length", "66824")
            .Header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");

        var authenticated = await Authenticator().ShouldAuthenticate(request);

        authenticated.Body.DecodedLength.ShouldBe(66_560);
        (await StreamReading.ReadAllAsync(authenticated.Body.Content)).ShouldBe(payload);
        authenticated.Body.TrailerChecksum().ShouldBeNull();
    }

    [Fact]
    public async Task SigV2Header_VirtualHosted_Verifies()
    {
        // RESTAuthentication.html, "Object GET": Host johnsmith.s3.amazonaws.com, resource /johnsmith/photos/puppy.jpg.
        var request = new TestRequest { Method = "GET", Target = "/photos/puppy.jpg" }
            .Header("Host", "johnsmith.s3.amazonaws.com")
            .Header("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
            .Header("Authorization", "AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
        var at = new DateTimeOffset(2007, 3, 27, 19, 40, 0, TimeSpan.Zero);

        await Authenticator(at, "https://s3.amazonaws.com").ShouldAuthenticate(request);
        await Authenticator(at.AddMinutes(20), "https://s3.amazonaws.com").ShouldFail(request, S3Errors.RequestTimeTooSkewed);
        await Authenticator(at).ShouldFail(request, S3Errors.SignatureDoesNotMatch); // without knowing the endpoint, the bucket is not in the path
    }

    [Fact]
    public async Task SigV2PresignedQuery_VirtualHosted_Verifies()
    {
        // "Query String Request Authentication Alternative": GET /photos/puppy.jpg until 1175139620.
        var request = new TestRequest
        {
            Method = "GET",
            Target = "/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620",
        }.Header("Host", "johnsmith.s3.amazonaws.com");
        var expires = DateTimeOffset.FromUnixTimeSeconds(1175139620);

        await Authenticator(expires.AddHours(-1), "https://s3.amazonaws.com").ShouldAuthenticate(request);
        (await Authenticator(expires.AddSeconds(1), "https://s3.amazonaws.com").ShouldFail(request, StowageErrors.AccessDenied)).Message.ShouldBe("Request has expired");
    }

    private static S3RequestAuthenticator Authenticator(DateTimeOffset? now = null, string? publicEndpoint = null) =>
        Authenticators.Create(new FakeCredentialResolver().Add(AccessKey, Secret), now ?? May24, o => o.PublicEndpoint = publicEndpoint);
}
