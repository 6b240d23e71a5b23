using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// An account that may not upload is refused S3 writes by the one policy the Sessions API uses too; the S3
/// credential's account is seen as it is within the cache lifetime of a change.
/// </summary>
public sealed class S3UploadPermissionTests
{
    public static TheoryData<S3Action> Writes => new() { S3Action.PutObject, S3Action.CreateMultipartUpload, S3Action.UploadPart, S3Action.CompleteMultipartUpload };

    public static TheoryData<S3Action> Others => new() { S3Action.GetObject, S3Action.HeadObject, S3Action.ListObjects, S3Action.AbortMultipartUpload, S3Action.DeleteObject, S3Action.ListParts };

    [Theory]
    [MemberData(nameof(Writes))]
    public void Writes_AreUploads(S3Action action) => AccountPolicy.IsUpload(action).ShouldBeTrue();

    [Theory]
    [MemberData(nameof(Others))]
    public void EverythingElse_IsNoUpload(S3Action action) => AccountPolicy.IsUpload(action).ShouldBeFalse();

    [Fact]
    public async Task RequireUpload_RefusesTheKeyOfAnAccountNotAllowedToUpload_AsTheSessionsApiDoes()
    {
        await using var s3 = await S3Harness.CreateAsync();
        var account = await s3.Accounts.EnsureAsync("blocked", S3Harness.Ct);
        await s3.Accounts.UpdateAsync("blocked", a => a with { UploadAllowed = false }, S3Harness.Ct);
        var key = await s3.Credentials.CreateAccessKeyAsync(account.Id, S3Harness.Ct);

        var principal = (await s3.Credentials.ResolveAsync(key.AccessKeyId, null, S3Harness.Ct)).ShouldSucceed().Principal;

        AccountPolicy.RequireUpload(principal).ShouldNotBeNull().Error.ShouldBe(StowageErrors.TariffForbidsUpload);
    }

    [Fact]
    public async Task Resolve_SeesAChangeToTheAccount_OnceTheCachedOneIsOlderThanTheCacheLifetime()
    {
        await using var s3 = await S3Harness.CreateAsync();
        var account = await s3.Accounts.EnsureAsync("field", S3Harness.Ct);
        var key = await s3.Credentials.CreateAccessKeyAsync(account.Id, S3Harness.Ct);
        var temporary = await s3.Credentials.IssueTemporaryAsync(account.Id, new S3KeyScope("bucket", "a/b.e57"), TimeSpan.FromHours(1), S3Harness.Ct);
        async Task<Failure?> UploadRefusal(S3Credentials c) =>
            AccountPolicy.RequireUpload((await s3.Credentials.ResolveAsync(c.AccessKeyId, c.SessionToken, S3Harness.Ct)).ShouldSucceed().Principal);
        (await UploadRefusal(key)).ShouldBeNull();
        (await UploadRefusal(temporary)).ShouldBeNull();

        await s3.Accounts.UpdateAsync("field", a => a with { UploadAllowed = false }, S3Harness.Ct);
        (await UploadRefusal(key)).ShouldBeNull(); // cached
        (await UploadRefusal(temporary)).ShouldBeNull();
        s3.Time.Advance(S3CredentialService.CacheLifetime);

        (await UploadRefusal(key)).ShouldNotBeNull().Error.ShouldBe(StowageErrors.TariffForbidsUpload);
        (await UploadRefusal(temporary)).ShouldNotBeNull().Error.ShouldBe(StowageErrors.TariffForbidsUpload);
    }

    [Fact]
    public async Task Resolve_RefusesATemporaryCredential_OfAnAccountThatNoLongerExists()
    {
        await using var s3 = await S3Harness.CreateAsync();
        var temporary = await s3.Credentials.IssueTemporaryAsync("acc_gone", new S3KeyScope("bucket", "a/b.e57"), TimeSpan.FromHours(1), S3Harness.Ct);

        (await s3.Credentials.ResolveAsync(temporary.AccessKeyId, temporary.SessionToken, S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidApiKey);
    }
}
