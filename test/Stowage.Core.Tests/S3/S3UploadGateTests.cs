using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Core.Tests.S3;

/// <summary>An account that may not upload gets AccessDenied on S3 writes, within the cache lifetime of a change.</summary>
public sealed class S3UploadGateTests
{
    public static TheoryData<S3Action> Writes => new() { S3Action.PutObject, S3Action.CreateMultipartUpload, S3Action.UploadPart, S3Action.CompleteMultipartUpload };

    public static TheoryData<S3Action> Others => new() { S3Action.GetObject, S3Action.HeadObject, S3Action.ListObjects, S3Action.AbortMultipartUpload, S3Action.DeleteObject, S3Action.ListParts };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Check_DeniesWrites_OfAnAccountNotAllowedToUpload(S3Action action)
    {
        await using var s3 = await S3Harness.CreateAsync();
        var (gate, principal) = await BlockedAsync(s3);

        var failure = await gate.CheckAsync(principal, action, S3Harness.Ct);

        failure.ShouldNotBeNull().Error.ShouldBe(StowageErrors.AccessDenied);
        failure.Message.ShouldBe("This account is not allowed to upload.");
    }

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Check_LetsEverythingElseThrough_ForAnAccountNotAllowedToUpload(S3Action action)
    {
        await using var s3 = await S3Harness.CreateAsync();
        var (gate, principal) = await BlockedAsync(s3);

        (await gate.CheckAsync(principal, action, S3Harness.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Check_SeesAChange_OnceTheCachedAnswerIsOlderThanTheCacheLifetime()
    {
        await using var s3 = await S3Harness.CreateAsync();
        var account = await s3.Accounts.EnsureAsync("field", S3Harness.Ct);
        var gate = new S3UploadGate(s3.Store, s3.Time);
        var principal = new S3Principal("AKIAEXAMPLE", "secret", account.Id, null, null);
        (await gate.CheckAsync(principal, S3Action.PutObject, S3Harness.Ct)).ShouldBeNull();

        await s3.Accounts.UpdateAsync("field", a => a with { UploadAllowed = false }, S3Harness.Ct);
        (await gate.CheckAsync(principal, S3Action.PutObject, S3Harness.Ct)).ShouldBeNull(); // cached
        s3.Time.Advance(S3CredentialService.CacheLifetime);

        (await gate.CheckAsync(principal, S3Action.PutObject, S3Harness.Ct)).ShouldNotBeNull().Error.ShouldBe(StowageErrors.AccessDenied);
    }

    [Fact]
    public async Task Check_DeniesWrites_OfAnAccountThatNoLongerExists()
    {
        await using var s3 = await S3Harness.CreateAsync();
        var gate = new S3UploadGate(s3.Store, s3.Time);

        var failure = await gate.CheckAsync(new S3Principal("ASIAEXAMPLE", "secret", "acc_gone", null, null), S3Action.PutObject, S3Harness.Ct);

        failure.ShouldNotBeNull().Error.ShouldBe(StowageErrors.AccessDenied);
    }

    private static async Task<(S3UploadGate Gate, S3Principal Principal)> BlockedAsync(S3Harness s3)
    {
        var account = await s3.Accounts.EnsureAsync("blocked", S3Harness.Ct);
        await s3.Accounts.UpdateAsync("blocked", a => a with { UploadAllowed = false }, S3Harness.Ct);
        return (new S3UploadGate(s3.Store, s3.Time), new S3Principal("AKIAEXAMPLE", "secret", account.Id, null, null));
    }
}
