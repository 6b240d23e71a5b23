using System.Net;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.Capacity;

/// <summary>
/// docs/protocols/s3.md, "A full disk": on a disk that is really full, uploads answer 507 InsufficientStorage (they
/// answered 503 before), an object being replaced keeps its old bytes, and DeleteObject and AbortMultipartUpload
/// still work and free the space, after which uploads work again.
/// </summary>
public sealed class S3DiskFullTests
{
    private const int MiB = 1 << 20;
    private const string Bucket = "disk-full";

    [Fact]
    public async Task Uploads_Answer507_AndDeleteObjectAndAbortFreeTheSpaceForNewUploads()
    {
        await using var full = await FullDiskServer.StartAsync("diskfull-s3", data => new S3AdminCli(data).CreateBucketAsync(Bucket));
        var credential = await new S3AdminCli(full.DataDirectory).CreateAccountKeyAsync(full.Server.S3Endpoint);
        using var s3 = new RawS3(full.Server.S3Endpoint);
        await PutOkAsync(s3, credential, "big.bin", TestData.Bytes(8 * MiB, 621));
        var kept = TestData.Bytes(200_000, 622);
        await PutOkAsync(s3, credential, "kept.bin", kept);
        var uploadId = await s3.StartMultipartUploadAsync(credential, Bucket, "parts.bin");
        await s3.UploadPartAsync(credential, Bucket, "parts.bin", uploadId, 1, TestData.Bytes(3 * MiB, 623));

        full.Disk.Fill();

        using (var put = await s3.PutAsync(credential, Bucket, "new.bin", TestData.Bytes(MiB, 624)))
        {
            (await S3Error.ReadAsync(put)).ShouldBe(HttpStatusCode.InsufficientStorage, "InsufficientStorage");
        }

        using (var replace = await s3.PutAsync(credential, Bucket, "kept.bin", TestData.Bytes(MiB, 625)))
        {
            (await S3Error.ReadAsync(replace)).ShouldBe(HttpStatusCode.InsufficientStorage, "InsufficientStorage");
        }

        using (var part = await s3.SendAsync(SignedRequest.Create(HttpMethod.Put, s3.ObjectUri(Bucket, "parts.bin", $"?partNumber=2&uploadId={uploadId}"), credential, SigV4.Sha256Hex([1, 2, 3])).WithContent([1, 2, 3])))
        {
            (await S3Error.ReadAsync(part)).ShouldBe(HttpStatusCode.InsufficientStorage, "InsufficientStorage");
        }

        (await GetAsync(s3, credential, "kept.bin")).ShouldBe(kept, "the object the failed PUT would have replaced");

        var freeBefore = full.Disk.FreeBytes;
        using (var deleted = await s3.SendAsync(SignedRequest.Create(HttpMethod.Delete, s3.ObjectUri(Bucket, "big.bin"), credential, SigV4.EmptySha256).WithoutContent()))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        }

        using (var aborted = await s3.SendAsync(SignedRequest.Create(HttpMethod.Delete, s3.ObjectUri(Bucket, "parts.bin", $"?uploadId={uploadId}"), credential, SigV4.EmptySha256).WithoutContent()))
        {
            aborted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await aborted.Content.ReadAsStringAsync());
        }

        (full.Disk.FreeBytes - freeBefore).ShouldBeGreaterThan(11L * MiB, "the object's 8 MiB and the part's 3 MiB are freed");
        using (var gone = await s3.GetAsync(credential, Bucket, "big.bin"))
        {
            (await S3Error.ReadAsync(gone)).ShouldBe(HttpStatusCode.NotFound, "NoSuchKey");
        }

        var after = TestData.Bytes(MiB, 626);
        await Poll.UntilAsync(async () =>
        {
            using var put = await s3.PutAsync(credential, Bucket, "after.bin", after);
            return put.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(15), "PutObject to be accepted again", intervalMilliseconds: 250);
        (await GetAsync(s3, credential, "after.bin")).ShouldBe(after);
        (await GetAsync(s3, credential, "kept.bin")).ShouldBe(kept);
        new FileInfo(full.ReservePath).Length.ShouldBe(FullDiskServer.ReserveBytes, "the reserve is back");
    }

    private static async Task PutOkAsync(RawS3 s3, S3Credential credential, string key, byte[] body)
    {
        using var response = await s3.PutAsync(credential, Bucket, key, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<byte[]> GetAsync(RawS3 s3, S3Credential credential, string key)
    {
        using var response = await s3.GetAsync(credential, Bucket, key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, key);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
