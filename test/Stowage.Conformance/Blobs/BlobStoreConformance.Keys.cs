namespace Stowage.Conformance.Blobs;

// Keys are opaque strings (S3 keys: up to 1024 bytes of UTF-8, anything in them): a store maps them to
// its own layout safely, and two different keys are always two objects.
public abstract partial class BlobStoreConformance
{
    /// <summary>S3's key limit: 1024 bytes of UTF-8.</summary>
    protected const int MaxKeyBytes = 1024;

    // Named, because NUL and control characters in a test's display name break runners and reports.
    private static readonly Dictionary<string, string> UnusualKeys = new()
    {
        ["parent-traversal"] = "../../etc/passwd",
        ["absolute"] = "/etc/passwd",
        ["backslashes"] = @"..\..\windows\system32\config",
        ["nul"] = "before\0after",
        ["control-characters"] = "tab\tnewline\nreturn\r",
        ["emoji"] = "📦/🚀 scan.e57",
        ["dot"] = ".",
        ["dot-dot"] = "..",
        ["trailing-slash"] = "folder/",
        ["percent-escapes"] = "%2e%2e%2f%00",
        ["max-ascii"] = new string('k', MaxKeyBytes),
        ["max-four-byte-utf8"] = string.Concat(Enumerable.Repeat("😀", MaxKeyBytes / 4)),
    };

    public static TheoryData<string> UnusualKeyNames => new(UnusualKeys.Keys);

    [Theory]
    [MemberData(nameof(UnusualKeyNames))]
    public async Task Key_RoundTrips_WhateverCharactersItHolds(string name)
    {
        var key = UnusualKeys[name];
        var data = Bytes(300, name.Length);

        await SegmentAsync(Obj(key), 0, data[..100], data.Length);
        await SegmentAsync(Obj(key), 100, data[100..], data.Length);
        await Store.ComposeSegmentsAsync(Obj(key), data.Length, true, Ct);
        await PutAsync(Obj(key + ".put"), data);

        (await ReadAsync(Obj(key))).ShouldBe(data);
        (await Store.GetLengthAsync(Obj(key), Ct)).ShouldBe(300);
        (await ReadAsync(Obj(key + ".put"))).ShouldBe(data);
        await Store.AbortSegmentsAsync(Obj(key), Ct);
        (await Store.DeleteAsync(Obj(key), Ct)).ShouldBeTrue();
        (await Store.DeleteAsync(Obj(key + ".put"), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Keys_AAndASlashB_Coexist()
    {
        var a = Bytes(10, 1);
        var ab = Bytes(20, 2);

        await WriteAsync(Obj("a"), a);
        await WriteAsync(Obj("a/b"), ab);

        (await ReadAsync(Obj("a"))).ShouldBe(a);
        (await ReadAsync(Obj("a/b"))).ShouldBe(ab);
    }

    [Fact]
    public async Task Keys_ThatLookAlikeAsPaths_AreDistinctObjects()
    {
        // Each would collide in a store that normalized keys as paths, case or Unicode.
        string[] keys = ["a", "a/", "/a", "./a", "a/.", "b/../a", @"a\b", "a/b", "a//b", "A", "a\0", "a ", "\u00e9", "e\u0301"];
        for (var i = 0; i < keys.Length; i++)
        {
            await PutAsync(Obj(keys[i]), Bytes(50, i));
        }

        for (var i = 0; i < keys.Length; i++)
        {
            (await ReadAsync(Obj(keys[i]))).ShouldBe(Bytes(50, i), $"key #{i}");
        }
    }

    [Fact]
    public async Task Key_InTwoBuckets_IsTwoObjects()
    {
        var first = Bytes(10, 1);
        var second = Bytes(20, 2);

        await PutAsync(Obj("same", Bucket), first);
        await PutAsync(Obj("same", OtherBucket), second);

        (await ReadAsync(Obj("same", Bucket))).ShouldBe(first);
        (await ReadAsync(Obj("same", OtherBucket))).ShouldBe(second);
        await Store.DeleteAsync(Obj("same", Bucket), Ct);
        (await ReadAsync(Obj("same", OtherBucket))).ShouldBe(second);
    }
}
