using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>
/// The AWS SDK for JavaScript v3 (@aws-sdk/client-s3 + lib-storage + s3-request-presigner, pinned in
/// clients/package-lock.json) through clients/js_client.mjs, with its default checksum settings.
/// </summary>
public sealed class JsSdkTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>
{
    private const long PartSize = 5L << 20; // lib-storage's default partSize

    private static readonly string[] Acl = ["--acl", "bucket-owner-full-control"];

    [Fact]
    public async Task PutObject_WithABufferBody_StoresTheFile_AndEchoesItsCrc32()
    {
        var versions = (await RunAsync(fixture.AccountKey, ["versions"])).ShouldSucceedWithJson("js_client.mjs versions");
        versions.String("clientS3").ShouldBe("3.1169.0");
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var result = (await RunObjectAsync(credential, "put-buffer", key, ["--file", file.Path])).ShouldSucceedWithJson("PutObjectCommand (Buffer)");

        result.String("etag").ShouldBe($"\"{file.Md5}\"");
        result.String("checksumCrc32").ShouldBe(AmzCrc32.Base64(file.ReadAllBytes()), "the server echoes the CRC32 the SDK sent");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    [Fact]
    public async Task PutObject_WithAStreamBody_UnsignedTrailerChunksOverHttpChunking_StoresTheFile()
    {
        // 12 MiB in 64 KiB aws chunks whose boundaries do not line up with the HTTP chunks around them.
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var result = (await RunObjectAsync(credential, "put-stream", key, ["--file", file.Path])).ShouldSucceedWithJson("PutObjectCommand (fs stream)");

        result.String("etag").ShouldBe($"\"{file.Md5}\"");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    [Fact]
    public async Task LibStorageUpload_InThreeParts_StoresTheFile_AndDownloadsItIdentical()
    {
        var file = fixture.Files.Medium;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.PlainBucket, key);

        var result = (await RunObjectAsync(credential, "upload", key, ["--file", file.Path], S3ServerFixture.PlainBucket))
            .ShouldSucceedWithJson("lib-storage Upload");

        var etag = file.MultipartETag(PartSize);
        result.String("etag").ShouldBe($"\"{etag}\"");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.PlainBucket, key, file, etag);
        var target = fixture.Files.DownloadPath("js");
        var download = (await RunObjectAsync(fixture.AccountKey, "download", key, ["--out", target], S3ServerFixture.PlainBucket))
            .ShouldSucceedWithJson("GetObjectCommand");
        download.String("sha256").ShouldBe(file.Sha256);
        TestData.Sha256Hex(target).ShouldBe(file.Sha256);
    }

    [Fact]
    public async Task PresignedPut_CarryingTheEmptyBodyCrc32Parameter_SentWithFetch_StoresTheFile()
    {
        var file = fixture.Files.Small;
        var key = S3ServerFixture.NewKey();
        var credential = await fixture.ScopedCredentialAsync(S3ServerFixture.DottedBucket, key);

        var result = (await RunObjectAsync(credential, "presign-put", key, ["--file", file.Path])).ShouldSucceedWithJson("getSignedUrl + fetch PUT");

        // The presigner signs the CRC32 of an empty body into the URL whatever is uploaded; the server's
        // documented policy is not to enforce checksums in a presigned query, so the upload must work.
        var url = result.String("url");
        url.ShouldContain("x-amz-checksum-crc32=AAAAAA%3D%3D");
        url.ShouldContain("x-amz-acl=bucket-owner-full-control");
        result.GetProperty("status").GetInt32().ShouldBe(200, $"the presigned PUT was answered: {result}");
        await fixture.Objects.ShouldHoldAsync(S3ServerFixture.DottedBucket, key, file, file.Md5);
    }

    private Task<ProcessResult> RunAsync(S3Credential credential, IEnumerable<string> arguments) =>
        ClientScripts.RunAsync(fixture, credential, "node", [ClientScripts.Script("js_client.mjs"), .. arguments]);

    /// <summary>Runs a command on one object; the ACL goes with every upload, as the scoped credential demands.</summary>
    private Task<ProcessResult> RunObjectAsync(S3Credential credential, string command, string key, IEnumerable<string> arguments, string bucket = S3ServerFixture.DottedBucket) =>
        RunAsync(credential, [command, "--endpoint", fixture.EndpointUrl, "--bucket", bucket, "--key", key, .. command == "download" ? [] : Acl, .. arguments]);
}
