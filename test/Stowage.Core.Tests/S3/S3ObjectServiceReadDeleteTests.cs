using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>GetObject, HeadObject and DeleteObject over the real stores.</summary>
public sealed class S3ObjectServiceReadDeleteTests
{
    private const string Key = "gallery/ig12345/a3K9.jpg";

    [Fact]
    public async Task Open_ReturnsTheRecordAndTheBytes_FromTheOffset()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        var content = TestBytes.Random(100_000);
        var stored = await h.PutAsync(bucket, Key, content);

        var whole = (await h.Objects.OpenAsync(bucket, Key, 0, S3Harness.Ct)).ShouldSucceed();
        var tail = (await h.Objects.OpenAsync(bucket, Key, 99_000, S3Harness.Ct)).ShouldSucceed();

        whole.Object.ETag.ShouldBe(stored.ETag);
        (await ReadAllAsync(whole.Content)).ShouldBeBytes(content);
        (await ReadAllAsync(tail.Content)).ShouldBeBytes(content[99_000..]);
    }

    [Fact]
    public async Task OpenAndHead_ReturnNoSuchKey_ForAMissingKey()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, Key, [1]);

        (await h.Objects.OpenAsync(bucket, Key + "x", 0, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.Objects.HeadAsync(bucket, "gallery/", S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
    }

    [Fact]
    public async Task OpenAndHead_DoNotSeeAnotherBucketsObject()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync("first");
        var other = await h.BucketAsync("second");
        await h.PutAsync(other, Key, [1]);

        (await h.Objects.OpenAsync(bucket, Key, 0, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
    }

    [Fact]
    public async Task Delete_RemovesTheRecordAndTheBytes()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, Key, TestBytes.Random(1000));
        await h.PutAsync(bucket, "kept", [7]);

        await h.Objects.DeleteAsync(bucket, Key, S3Harness.Ct);

        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.Objects.OpenAsync(bucket, Key, 0, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.ReadBlobAsync(bucket, Key)).ShouldBeNull();
        var listing = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 10, null, null), S3Harness.Ct)).ShouldSucceed();
        listing.Objects.Select(o => o.Key).ShouldBe(["kept"]);
    }

    [Fact]
    public async Task Delete_Succeeds_ForAMissingKey_AndTwice()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();
        await h.PutAsync(bucket, Key, [1]);

        await h.Objects.DeleteAsync(bucket, "never-there", S3Harness.Ct);
        await h.Objects.DeleteAsync(bucket, Key, S3Harness.Ct);
        await h.Objects.DeleteAsync(bucket, Key, S3Harness.Ct);

        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
    }

    [Fact]
    public async Task Delete_RemovesAMultipartObject()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MinPartBytes = 1);
        var bucket = await h.BucketAsync();
        var upload = await MultipartFixture.StartAsync(h, bucket, key: Key);
        var one = await MultipartFixture.UploadAsync(h, bucket, upload, 1, [1, 2]);
        var two = await MultipartFixture.UploadAsync(h, bucket, upload, 2, [3]);
        (await h.Multipart.CompleteAsync(bucket, Key, upload.UploadId, [MultipartFixture.Listed(one), MultipartFixture.Listed(two)], S3Harness.Ct)).ShouldSucceed();

        await h.Objects.DeleteAsync(bucket, Key, S3Harness.Ct);

        (await h.ReadBlobAsync(bucket, Key)).ShouldBeNull();
        (await h.Objects.HeadAsync(bucket, Key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
