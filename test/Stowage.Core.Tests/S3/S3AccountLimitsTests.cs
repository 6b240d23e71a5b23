using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// S3 writes obey the bucket's account's quota and per-file cap (AccountPolicy), as Sessions uploads do, and count
/// toward its usage: 403 QuotaExceeded and 400 EntityTooLarge, each naming the limit.
/// </summary>
public sealed class S3AccountLimitsTests
{
    [Fact]
    public async Task Put_OverTheAccountsQuota_Is403QuotaExceeded_NamingTheLimit_AndStoresNothing()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync(account: "capped");
        await h.Accounts.UpdateAsync("capped", a => a with { QuotaBytes = 10_000 }, S3Harness.Ct);
        await h.PutAsync(bucket, "a.jpg", TestBytes.Random(6_000));

        var body = TestBytes.Random(5_000);
        var refused = await h.Objects.PutAsync(bucket, "b.jpg", new MemoryStream(body), body.Length, ObjectWrite.Plain, S3Harness.Ct);

        var failure = refused.ShouldFailWith(StowageErrors.StorageQuotaExceeded);
        failure.Message.ShouldContain("10000 bytes");
        (await h.Objects.HeadAsync(bucket, "b.jpg", S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        h.BlobFiles().Count.ShouldBe(1);
        (await h.Store.GetAccountUsageAsync(bucket.AccountId, S3Harness.Ct)).ShouldBe(6_000);
    }

    [Fact]
    public async Task Put_WhoseDeclaredLengthCannotFitTheQuota_IsRefusedBeforeReadingAByte()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync(account: "capped");
        await h.Accounts.UpdateAsync("capped", a => a with { QuotaBytes = 10_000 }, S3Harness.Ct);
        await h.PutAsync(bucket, "a.jpg", TestBytes.Random(6_000));
        var body = new FailingStream(TestBytes.Random(5_000), failAfter: 0);

        var refused = await h.Objects.PutAsync(bucket, "b.jpg", body, 5_000, ObjectWrite.Plain, S3Harness.Ct);

        refused.ShouldFailWith(StowageErrors.StorageQuotaExceeded);
        (await h.Store.ListDueBlobReclaimsAsync(DateTimeOffset.MaxValue, 10, S3Harness.Ct)).ShouldBeEmpty();

        // Replacing a.jpg with a larger object that still fits is fine: its old size is not counted twice.
        var bigger = TestBytes.Random(9_000);
        (await h.Objects.PutAsync(bucket, "a.jpg", new MemoryStream(bigger), bigger.Length, ObjectWrite.Plain, S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Put_AboveTheAccountsPerFileCap_IsEntityTooLarge_BeforeReading_NamingTheLimit()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = await h.BucketAsync(account: "small-files");
        await h.Accounts.UpdateAsync("small-files", a => a with { MaxFileBytes = 1_000 }, S3Harness.Ct);
        var body = TestBytes.Random(1_001);

        var refused = await h.Objects.PutAsync(bucket, "big.e57", new MemoryStream(body), body.Length, ObjectWrite.Plain, S3Harness.Ct);

        refused.ShouldFailWith(StowageErrors.FileTooLarge).Message.ShouldContain("1000 bytes");
        h.BlobFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_UsesTheServerDefaultPerFileCap_ForAnAccountWithoutItsOwn()
    {
        await using var h = await S3Harness.CreateAsync();
        h.Uploads.MaxFileBytes = 500;
        var bucket = await h.BucketAsync();
        var body = TestBytes.Random(501);

        var refused = await h.Objects.PutAsync(bucket, "big.e57", new MemoryStream(body), declaredLength: null, ObjectWrite.Plain, S3Harness.Ct);

        refused.ShouldFailWith(StowageErrors.FileTooLarge);
        h.BlobFiles().ShouldBeEmpty();
    }
}
