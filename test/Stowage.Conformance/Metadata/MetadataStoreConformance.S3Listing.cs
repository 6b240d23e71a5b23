namespace Stowage.Conformance.Metadata;

// IS3Store.ListObjectsAsync: S3's order (UTF-8 bytes), prefixes taken literally, paging with start-after.
public abstract partial class MetadataStoreConformance
{
    /// <summary>
    /// Keys in UTF-8 byte order, written out by hand: Z 5A, a 61, a/b 61 2F, a0 61 30, z 7A, é C3 A9, ÿ C3 BF,
    /// U+E000 EE 80 80, U+FFFD EF BF BD, U+1F600 F0 9F 98 80. UTF-16 ordinal order would put the surrogate
    /// pair of U+1F600 (D83D DE00) before U+E000 and U+FFFD.
    /// </summary>
    private static readonly string[] KeysInUtf8Order = ["Z", "a", "a/b", "a0", "z", "é", "\u00ff", "\uE000", "\uFFFD", "\U0001F600"];

    [Fact]
    public async Task ListObjects_OrdersKeysByTheirUtf8Bytes()
    {
        var bucket = await AddObjectsAsync(KeysInUtf8Order.Reverse());

        (await Store.ListObjectsAsync(bucket, "", null, 100, Ct)).Select(o => o.Key).ShouldBe(KeysInUtf8Order);
    }

    [Fact]
    public async Task ListObjects_ReturnsOnlyTheBucketsObjects_WithEveryField()
    {
        var bucket = await AddObjectsAsync(["a", "b"]);
        await AddObjectsAsync(["a", "aa", "c"]);
        var full = NewObject(bucket, "ab", headers: SomeHeaders());
        await Store.PutObjectAsync(full, T0, null, Ct);

        var listed = await Store.ListObjectsAsync(bucket, "", null, 100, Ct);

        listed.Select(o => o.Key).ShouldBe(["a", "ab", "b"]);
        ShouldMatch(listed[1], full);
        (await Store.ListObjectsAsync("no-such-bucket", "", null, 100, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListObjects_WithAPrefix_ReturnsExactlyTheKeysStartingWithIt()
    {
        var bucket = await AddObjectsAsync(KeysInUtf8Order.Concat(["a.", "b", "`", "A"]));

        (await Store.ListObjectsAsync(bucket, "a", null, 100, Ct)).Select(o => o.Key).ShouldBe(["a", "a.", "a/b", "a0"]);
        (await Store.ListObjectsAsync(bucket, "a/", null, 100, Ct)).Select(o => o.Key).ShouldBe(["a/b"]);
        (await Store.ListObjectsAsync(bucket, "a/b", null, 100, Ct)).Select(o => o.Key).ShouldBe(["a/b"]);
        (await Store.ListObjectsAsync(bucket, "a/bc", null, 100, Ct)).ShouldBeEmpty();
        (await Store.ListObjectsAsync(bucket, "\u00e9", null, 100, Ct)).Select(o => o.Key).ShouldBe(["é"]);
        (await Store.ListObjectsAsync(bucket, "\U0001F600", null, 100, Ct)).Select(o => o.Key).ShouldBe(["\U0001F600"]);
    }

    [Fact]
    public async Task ListObjects_TakesWildcardsInThePrefixLiterally_AndIsCaseSensitive()
    {
        var bucket = await AddObjectsAsync(["a_b", "axb", "a%b", "a%c", "abc", "A_b", "a\\b"]);

        (await Store.ListObjectsAsync(bucket, "a_", null, 100, Ct)).Select(o => o.Key).ShouldBe(["a_b"]);
        (await Store.ListObjectsAsync(bucket, "a%", null, 100, Ct)).Select(o => o.Key).ShouldBe(["a%b", "a%c"]);
        (await Store.ListObjectsAsync(bucket, "A", null, 100, Ct)).Select(o => o.Key).ShouldBe(["A_b"]);
        (await Store.ListObjectsAsync(bucket, "a\\", null, 100, Ct)).Select(o => o.Key).ShouldBe(["a\\b"]);
    }

    [Fact]
    public async Task ListObjects_WithAPrefixEndingInTheLastCodePoints_FindsTheRightKeys()
    {
        // U+D7FF is followed by U+E000 (surrogates are not characters); U+10FFFF has no successor at all.
        var bucket = await AddObjectsAsync(["\uD7FF", "\uD7FFx", "\uE000", "a\U0010FFFF", "a\U0010FFFF\U0010FFFF", "a\U0010FFFFz", "b", "\U0010FFFF", "\U0010FFFF!"]);

        (await Store.ListObjectsAsync(bucket, "\uD7FF", null, 100, Ct)).Select(o => o.Key).ShouldBe(["\uD7FF", "\uD7FFx"]);
        (await Store.ListObjectsAsync(bucket, "a\U0010FFFF", null, 100, Ct)).Select(o => o.Key)
            .ShouldBe(["a\U0010FFFF", "a\U0010FFFFz", "a\U0010FFFF\U0010FFFF"]);
        (await Store.ListObjectsAsync(bucket, "\U0010FFFF", null, 100, Ct)).Select(o => o.Key).ShouldBe(["\U0010FFFF", "\U0010FFFF!"]);
    }

    [Fact]
    public async Task ListObjects_StartAfter_IsExclusive_AndNeedNotBeAnExistingKey()
    {
        var bucket = await AddObjectsAsync(KeysInUtf8Order);

        (await Store.ListObjectsAsync(bucket, "", "a0", 100, Ct)).Select(o => o.Key).ShouldBe(KeysInUtf8Order[4..]);
        (await Store.ListObjectsAsync(bucket, "", "a00", 100, Ct)).Select(o => o.Key).ShouldBe(KeysInUtf8Order[4..]);
        (await Store.ListObjectsAsync(bucket, "", "\uFFFF", 100, Ct)).Select(o => o.Key).ShouldBe(["\U0001F600"]);
        (await Store.ListObjectsAsync(bucket, "", "\U0001F600", 100, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListObjects_CombinesPrefixAndStartAfter()
    {
        var bucket = await AddObjectsAsync(["a", "b/1", "b/2", "b/3", "c"]);

        (await Store.ListObjectsAsync(bucket, "b/", "a", 100, Ct)).Select(o => o.Key).ShouldBe(["b/1", "b/2", "b/3"]);
        (await Store.ListObjectsAsync(bucket, "b/", "b/", 100, Ct)).Select(o => o.Key).ShouldBe(["b/1", "b/2", "b/3"]);
        (await Store.ListObjectsAsync(bucket, "b/", "b/1", 100, Ct)).Select(o => o.Key).ShouldBe(["b/2", "b/3"]);
        (await Store.ListObjectsAsync(bucket, "b/", "b/3", 100, Ct)).ShouldBeEmpty();
        (await Store.ListObjectsAsync(bucket, "b/", "c", 100, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListObjects_PagesThroughEveryKeyOnce_WhenEachPageStartsAfterTheLast()
    {
        var keys = Enumerable.Range(0, 37).Select(i => $"photos/{i:D3}.jpg").ToList();
        var bucket = await AddObjectsAsync(keys.AsEnumerable().Reverse().Concat(["photo", "photos", "photos0", "zzz"]));
        var seen = new List<string>();
        string? after = null;
        var pages = 0;

        while (true)
        {
            var page = await Store.ListObjectsAsync(bucket, "photos/", after, 10, Ct);
            page.Count.ShouldBeLessThanOrEqualTo(10);
            if (page.Count == 0)
            {
                break;
            }

            pages++;
            seen.AddRange(page.Select(o => o.Key));
            after = page[^1].Key;
        }

        seen.ShouldBe(keys);
        pages.ShouldBe(4);
    }

    [Fact]
    public async Task ListObjects_ReturnsNothing_WhenTheLimitIsZero()
    {
        var bucket = await AddObjectsAsync(["a"]);

        (await Store.ListObjectsAsync(bucket, "", null, 0, Ct)).ShouldBeEmpty();
        (await Store.ListObjectsAsync(bucket, "", null, 1, Ct)).Count.ShouldBe(1);
    }
}
