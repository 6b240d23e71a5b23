using Stowage.Core.S3;

namespace Stowage.Conformance.Metadata;

// IS3Store: long-lived S3 access keys.
public abstract partial class MetadataStoreConformance
{
    private static S3AccessKeyRecord NewS3Key(string accountId, DateTimeOffset? created = null) =>
        new("AKIA" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), "wJalrXUtnFEMI/K7MDENG+bPxRfiCY" + Guid.NewGuid().ToString("N")[..10],
            accountId, created ?? T0, null);

    [Fact]
    public async Task GetS3Key_ReturnsEveryField_IncludingTheSecret()
    {
        var key = NewS3Key("acct-1", At(3));

        await Store.CreateS3KeyAsync(key, Ct);

        (await Store.GetS3KeyAsync(key.AccessKeyId, Ct)).ShouldBe(key);
        (await Store.GetS3KeyAsync("AKIAMISSING", Ct)).ShouldBeNull();
        (await Store.GetS3KeyAsync(key.AccessKeyId.ToLowerInvariant(), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateS3Key_Throws_WhenTheAccessKeyIdExists_AndKeepsTheFirst()
    {
        var key = NewS3Key("acct-1");
        await Store.CreateS3KeyAsync(key, Ct);

        await Should.ThrowAsync<Exception>(() => Store.CreateS3KeyAsync(key with { SecretAccessKey = "other" }, Ct));

        (await Store.GetS3KeyAsync(key.AccessKeyId, Ct)).ShouldBe(key);
    }

    [Fact]
    public async Task RevokeS3Key_ReturnsFalse_WhenUnknown()
    {
        (await Store.RevokeS3KeyAsync("AKIAMISSING", T0, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task RevokeS3Key_Twice_KeepsTheFirstTime_AndTheKeyStaysReadable()
    {
        var key = NewS3Key("acct-1");
        var other = NewS3Key("acct-1");
        await Store.CreateS3KeyAsync(key, Ct);
        await Store.CreateS3KeyAsync(other, Ct);

        (await Store.RevokeS3KeyAsync(key.AccessKeyId, At(10), Ct)).ShouldBeTrue();
        (await Store.RevokeS3KeyAsync(key.AccessKeyId, At(20), Ct)).ShouldBeTrue();

        (await Store.GetS3KeyAsync(key.AccessKeyId, Ct)).ShouldBe(key with { Revoked = At(10) });
        (await Store.GetS3KeyAsync(other.AccessKeyId, Ct)).ShouldBe(other);
    }

    [Fact]
    public async Task ListS3Keys_ReturnsOneAccountsKeys_OldestFirst_OrEveryKeyWhenAccountIsNull()
    {
        var newer = NewS3Key("acct-1", At(20));
        var older = NewS3Key("acct-1", At(10));
        var others = NewS3Key("acct-2", At(15));
        foreach (var key in new[] { newer, others, older })
        {
            await Store.CreateS3KeyAsync(key, Ct);
        }

        await Store.RevokeS3KeyAsync(newer.AccessKeyId, At(30), Ct);

        (await Store.ListS3KeysAsync("acct-1", Ct)).ShouldBe([older, newer with { Revoked = At(30) }]);
        (await Store.ListS3KeysAsync(null, Ct)).Select(k => k.AccessKeyId).ShouldBe([older.AccessKeyId, others.AccessKeyId, newer.AccessKeyId]);
        (await Store.ListS3KeysAsync("nobody", Ct)).ShouldBeEmpty();
    }
}
