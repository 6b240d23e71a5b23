using Stowage.Core.Errors;
using System.Text;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>ListObjectsV2 (docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html) over the real store.</summary>
public sealed class S3ObjectServiceListTests
{
    // 2,500 keys: 500 two levels under docs/, 1,000 under photos/, 1,000 at the top.
    private static readonly string[] Keys =
    [
        .. Enumerable.Range(0, 500).Select(i => $"docs/{i:D3}/readme.txt"),
        .. Enumerable.Range(0, 1000).Select(i => $"photos/{i:D4}.jpg"),
        .. Enumerable.Range(0, 1000).Select(i => $"top-{i:D4}.txt"),
    ];

    [Fact]
    public async Task List_PagesThroughEveryKeyInOrder_ThousandAtATime_WithoutADelimiter()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, Keys);

        var pages = await ListAllAsync(h, bucket, new ObjectListRequest("", null, 1000, null, null));

        pages.Select(p => p.Objects.Count).ShouldBe([1000, 1000, 500]);
        pages.Select(p => p.IsTruncated).ShouldBe([true, true, false]);
        pages[^1].NextContinuationToken.ShouldBeNull();
        pages.SelectMany(p => p.Objects.Select(o => o.Key)).ShouldBe(Keys.Order(StringComparer.Ordinal));
        pages.ShouldAllBe(p => p.CommonPrefixes.Count == 0);
    }

    [Fact]
    public async Task List_RollsKeysUpIntoCommonPrefixes_CountingEachAgainstMaxKeys_AndSkipsTheKeysUnderThem()
    {
        var counting = default(CountingS3Store);
        await using var h = await S3Harness.CreateAsync(wrapStore: s => counting = new CountingS3Store(s));
        var bucket = await SeedAsync(h, Keys);
        counting!.Reset();

        var first = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", "/", 1000, null, null), S3Harness.Ct)).ShouldSucceed();

        first.CommonPrefixes.ShouldBe(["docs/", "photos/"]);
        first.Objects.Select(o => o.Key).ShouldBe(Enumerable.Range(0, 998).Select(i => $"top-{i:D4}.txt"));
        first.IsTruncated.ShouldBeTrue();

        // 999 top-level rows (one tells the page is truncated) and a small batch per prefix, not the 1,500 keys under them.
        counting.RowsListed.ShouldBeLessThan(1200);

        var second = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", "/", 1000, first.NextContinuationToken, null), S3Harness.Ct)).ShouldSucceed();
        second.CommonPrefixes.ShouldBeEmpty();
        second.Objects.Select(o => o.Key).ShouldBe(["top-0998.txt", "top-0999.txt"]);
        second.IsTruncated.ShouldBeFalse();
        second.NextContinuationToken.ShouldBeNull();
    }

    [Fact]
    public async Task List_ResumesAfterACommonPrefix_WithoutRepeatingIt()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, Keys);

        var pages = await ListAllAsync(h, bucket, new ObjectListRequest("", "/", 1, null, null));

        pages.Count.ShouldBe(1002);
        pages[0].CommonPrefixes.ShouldBe(["docs/"]);
        pages[1].CommonPrefixes.ShouldBe(["photos/"]);
        pages.Skip(2).SelectMany(p => p.Objects.Select(o => o.Key)).ShouldBe(Enumerable.Range(0, 1000).Select(i => $"top-{i:D4}.txt"));
        pages.ShouldAllBe(p => p.Objects.Count + p.CommonPrefixes.Count == 1);
    }

    [Fact]
    public async Task List_GroupsUnderAPrefix_AtTheNextDelimiter()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, Keys);

        var docs = (await h.Objects.ListAsync(bucket, new ObjectListRequest("docs/", "/", 1000, null, null), S3Harness.Ct)).ShouldSucceed();
        var one = (await h.Objects.ListAsync(bucket, new ObjectListRequest("docs/007/", "/", 1000, null, null), S3Harness.Ct)).ShouldSucceed();

        docs.CommonPrefixes.ShouldBe(Enumerable.Range(0, 500).Select(i => $"docs/{i:D3}/"));
        docs.Objects.ShouldBeEmpty();
        docs.IsTruncated.ShouldBeFalse();
        one.Objects.Select(o => o.Key).ShouldBe(["docs/007/readme.txt"]);
        one.CommonPrefixes.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_AcceptsAnyDelimiter_IncludingLongerOnes()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, ["a-b-c", "a-b-d", "a-x", "a--y", "b", "a"]);

        var dash = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", "-", 1000, null, null), S3Harness.Ct)).ShouldSucceed();
        var doubleDash = (await h.Objects.ListAsync(bucket, new ObjectListRequest("a", "--", 1000, null, null), S3Harness.Ct)).ShouldSucceed();

        dash.CommonPrefixes.ShouldBe(["a-"]);
        dash.Objects.Select(o => o.Key).ShouldBe(["a", "b"]);
        doubleDash.CommonPrefixes.ShouldBe(["a--"]);
        doubleDash.Objects.Select(o => o.Key).ShouldBe(["a", "a-b-c", "a-b-d", "a-x"]);
    }

    [Fact]
    public async Task List_StartsAfterStartAfter_AndTheContinuationTokenWinsOverIt()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, ["a", "b", "c", "d", "e"]);

        var afterB = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 2, null, "b"), S3Harness.Ct)).ShouldSucceed();
        var next = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 2, afterB.NextContinuationToken, "b"), S3Harness.Ct)).ShouldSucceed();

        afterB.Objects.Select(o => o.Key).ShouldBe(["c", "d"]);
        afterB.IsTruncated.ShouldBeTrue();
        next.Objects.Select(o => o.Key).ShouldBe(["e"]);
        next.IsTruncated.ShouldBeFalse();
    }

    [Fact]
    public async Task List_StillReturnsACommonPrefix_WhenStartAfterIsAKeyUnderIt()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, ["p/1", "p/2", "p/3", "q"]);

        var listing = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", "/", 10, null, "p/1"), S3Harness.Ct)).ShouldSucceed();

        listing.CommonPrefixes.ShouldBe(["p/"]);
        listing.Objects.Select(o => o.Key).ShouldBe(["q"]);
    }

    [Fact]
    public async Task List_OrdersKeysByTheirUtf8Bytes()
    {
        await using var h = await S3Harness.CreateAsync();
        string[] keys = ["z", "é", "\uFFFD", "😀", "A", "a"];
        var bucket = await SeedAsync(h, keys);

        var listing = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 1000, null, null), S3Harness.Ct)).ShouldSucceed();

        listing.Objects.Select(o => o.Key).ShouldBe(keys.OrderBy(k => Encoding.UTF8.GetBytes(k), new ByteOrder()));
    }

    [Fact]
    public async Task List_ClampsMaxKeysAboveAThousand_AsS3Does()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, Keys);

        var listing = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 5000, null, null), S3Harness.Ct)).ShouldSucceed();

        listing.Objects.Count.ShouldBe(1000);
        listing.IsTruncated.ShouldBeTrue();
    }

    [Fact]
    public async Task List_ReturnsNothing_ForMaxKeysZero()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await SeedAsync(h, ["a"]);

        var listing = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 0, null, null), S3Harness.Ct)).ShouldSucceed();

        listing.ShouldBe(new ObjectListing([], [], false, null), new ListingComparer());
    }

    [Fact]
    public async Task List_ReturnsInvalidArgument_ForANegativeMaxKeys()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();

        (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, -1, null, null), S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidField);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!not base64!!!")]
    [InlineData("_w")]
    public async Task List_ReturnsInvalidArgument_ForAContinuationTokenThatIsNotOurs(string token)
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync();

        (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 10, token, null), S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidField)
            .Message.ShouldBe("The continuation token provided is incorrect.");
    }

    [Fact]
    public async Task List_SeesObjectsWrittenThroughPutObject_AndNotAnotherBucketsObjects()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync("one");
        var other = await h.BucketAsync("two");
        await h.PutAsync(bucket, "k1", [1, 2, 3]);
        await h.PutAsync(other, "k2", [4]);

        var listing = (await h.Objects.ListAsync(bucket, new ObjectListRequest("", null, 10, null, null), S3Harness.Ct)).ShouldSucceed();

        listing.Objects.Single().ShouldSatisfyAllConditions(o => o.Key.ShouldBe("k1"), o => o.Size.ShouldBe(3), o => o.ETag.ShouldBe(S3Digests.Md5Hex([1, 2, 3])));
    }

    private static async Task<S3Bucket> SeedAsync(S3Harness h, IEnumerable<string> keys)
    {
        var bucket = await h.BucketAsync();

        // Records only: listing reads nothing else, and 2,500 blob files would only slow the test down.
        foreach (var key in keys)
        {
            await h.Store.PutObjectAsync(new S3ObjectRecord(bucket.Name, key, 1, "0cc175b9c0f1b6a831c399e269772661", h.Time.GetUtcNow(), new Dictionary<string, string>(), null, null, h.Allocator.New()), h.Time.GetUtcNow(), null, S3Harness.Ct);
        }

        return bucket;
    }

    private static async Task<List<ObjectListing>> ListAllAsync(S3Harness h, S3Bucket bucket, ObjectListRequest request)
    {
        var pages = new List<ObjectListing>();
        while (true)
        {
            var page = (await h.Objects.ListAsync(bucket, request, S3Harness.Ct)).ShouldSucceed();
            pages.Add(page);
            if (!page.IsTruncated)
            {
                return pages;
            }

            page.NextContinuationToken.ShouldNotBeNull();
            request = request with { ContinuationToken = page.NextContinuationToken };
        }
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    private sealed class ListingComparer : IEqualityComparer<ObjectListing>
    {
        public bool Equals(ObjectListing? x, ObjectListing? y) =>
            x is not null && y is not null && x.Objects.SequenceEqual(y.Objects) && x.CommonPrefixes.SequenceEqual(y.CommonPrefixes)
            && x.IsTruncated == y.IsTruncated && x.NextContinuationToken == y.NextContinuationToken;

        public int GetHashCode(ObjectListing obj) => obj.Objects.Count;
    }
}
