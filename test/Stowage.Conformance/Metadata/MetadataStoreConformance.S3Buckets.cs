using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: buckets.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task CreateBucket_StoresEveryField_AndGetBucketReturnsIt()
    {
        var bucket = new S3Bucket("iguides.plntr.ca", "acct-1", At(5));

        (await Store.CreateBucketAsync(bucket, Ct)).ShouldBeTrue();

        (await Store.GetBucketAsync("iguides.plntr.ca", Ct)).ShouldBe(bucket);
        (await Store.GetBucketAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateBucket_ReturnsFalse_AndKeepsTheFirst_WhenTheNameIsTaken()
    {
        var first = new S3Bucket("captures", "acct-1", At(1));
        await Store.CreateBucketAsync(first, Ct);

        (await Store.CreateBucketAsync(new S3Bucket("captures", "acct-2", At(2)), Ct)).ShouldBeFalse();

        (await Store.GetBucketAsync("captures", Ct)).ShouldBe(first);
    }

    [Fact]
    public async Task GetBucket_ComparesNamesExactly()
    {
        await Store.CreateBucketAsync(new S3Bucket("captures", "acct-1", T0), Ct);

        (await Store.GetBucketAsync("Captures", Ct)).ShouldBeNull();
        (await Store.GetBucketAsync("captures ", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListBuckets_ReturnsOneAccountsBuckets_ByName_OrAllWhenAccountIsNull()
    {
        var b = new S3Bucket("b-bucket", "acct-1", At(1));
        var a = new S3Bucket("a-bucket", "acct-1", At(2));
        var c = new S3Bucket("c-bucket", "acct-2", At(0));
        foreach (var bucket in new[] { b, c, a })
        {
            await Store.CreateBucketAsync(bucket, Ct);
        }

        (await Store.ListBucketsAsync("acct-1", Ct)).ShouldBe([a, b]);
        (await Store.ListBucketsAsync(null, Ct)).ShouldBe([a, b, c]);
        (await Store.ListBucketsAsync("nobody", Ct)).ShouldBeEmpty();
    }
}
