using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>Long-lived keys and temporary, key-scoped credentials: issuing, resolving, tampering, expiry, revocation.</summary>
public sealed partial class S3CredentialServiceTests
{
    private static readonly S3KeyScope Scope = new("iguides.plntr.ca", "gallery/ig12345/a3K9.jpg");

    [Fact]
    public async Task CreateAccessKey_IssuesAnAkiaIdAndA40CharacterSecret_InAwsShapes()
    {
        await using var h = await S3Harness.CreateAsync();

        var created = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);

        LongLivedId().IsMatch(created.AccessKeyId).ShouldBeTrue(created.AccessKeyId);
        SecretShape().IsMatch(created.SecretAccessKey).ShouldBeTrue(created.SecretAccessKey);
        created.SessionToken.ShouldBeNull();
        created.Expiration.ShouldBeNull();
        created.Scope.ShouldBeNull();
        created.AccountId.ShouldBe("acc_1");
    }

    [Fact]
    public async Task CreateAccessKey_IssuesDifferentKeysEachTime()
    {
        await using var h = await S3Harness.CreateAsync();

        var first = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);
        var second = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);

        second.AccessKeyId.ShouldNotBe(first.AccessKeyId);
        second.SecretAccessKey.ShouldNotBe(first.SecretAccessKey);
    }

    [Fact]
    public async Task Resolve_ReturnsTheUnscopedPrincipal_ForALongLivedKey()
    {
        await using var h = await S3Harness.CreateAsync();
        var created = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);

        var principal = (await h.Credentials.ResolveAsync(created.AccessKeyId, null, S3Harness.Ct)).ShouldSucceed();

        principal.ShouldBe(new S3Principal(created.AccessKeyId, created.SecretAccessKey, "acc_1", Scope: null, Expiration: null));
    }

    [Theory]
    [InlineData("AKIAAAAAAAAAAAAAAAAA")]
    [InlineData("AKIA")]
    [InlineData("")]
    [InlineData("minioadmin")]
    public async Task Resolve_ReturnsInvalidAccessKeyId_ForAnUnknownKey(string accessKeyId)
    {
        await using var h = await S3Harness.CreateAsync();

        (await h.Credentials.ResolveAsync(accessKeyId, null, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidAccessKeyId);
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidAccessKeyId_AtOnce_ForAKeyRevokedThroughTheService()
    {
        await using var h = await S3Harness.CreateAsync();
        var created = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);
        (await h.Credentials.ResolveAsync(created.AccessKeyId, null, S3Harness.Ct)).ShouldSucceed();

        (await h.Credentials.RevokeAccessKeyAsync(created.AccessKeyId, S3Harness.Ct)).ShouldBeTrue();

        (await h.Credentials.ResolveAsync(created.AccessKeyId, null, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidAccessKeyId);
        (await h.Credentials.ListAccessKeysAsync("acc_1", S3Harness.Ct)).Single().Revoked.ShouldBe(h.Time.GetUtcNow());
    }

    [Fact]
    public async Task Resolve_HonoursARevocationByAnotherProcess_WithinTheCacheLifetime()
    {
        await using var h = await S3Harness.CreateAsync();
        var created = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);
        (await h.Credentials.ResolveAsync(created.AccessKeyId, null, S3Harness.Ct)).ShouldSucceed();

        // The CLI revokes in its own process: straight in the store, this service's cache does not hear of it.
        await h.Store.RevokeS3KeyAsync(created.AccessKeyId, h.Time.GetUtcNow(), S3Harness.Ct);
        h.Time.Advance(S3CredentialService.CacheLifetime - TimeSpan.FromSeconds(1));
        (await h.Credentials.ResolveAsync(created.AccessKeyId, null, S3Harness.Ct)).ShouldSucceed();

        h.Time.AdvanceSeconds(1);
        (await h.Credentials.ResolveAsync(created.AccessKeyId, null, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidAccessKeyId);
    }

    [Fact]
    public async Task Revoke_ReturnsFalse_ForAnUnknownKey()
    {
        await using var h = await S3Harness.CreateAsync();

        (await h.Credentials.RevokeAccessKeyAsync("AKIAAAAAAAAAAAAAAAAA", S3Harness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidToken_WhenALongLivedKeyComesWithASessionToken()
    {
        await using var h = await S3Harness.CreateAsync();
        var created = await h.Credentials.CreateAccessKeyAsync("acc_1", S3Harness.Ct);
        var temporary = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(created.AccessKeyId, temporary.SessionToken, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Fact]
    public async Task IssueTemporary_IssuesAnAsiaIdASecretAndATokenThatResolveToTheScopedPrincipal()
    {
        await using var h = await S3Harness.CreateAsync();

        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        TemporaryId().IsMatch(issued.AccessKeyId).ShouldBeTrue(issued.AccessKeyId);
        SecretShape().IsMatch(issued.SecretAccessKey).ShouldBeTrue(issued.SecretAccessKey);
        TokenShape().IsMatch(issued.SessionToken!).ShouldBeTrue(issued.SessionToken);
        issued.Expiration.ShouldBe(DateTimeOffset.FromUnixTimeSeconds((TestTime.Start + TimeSpan.FromHours(2)).ToUnixTimeSeconds()));
        issued.Scope.ShouldBe(Scope);
        var principal = (await h.Credentials.ResolveAsync(issued.AccessKeyId, issued.SessionToken, S3Harness.Ct)).ShouldSucceed();
        principal.ShouldBe(new S3Principal(issued.AccessKeyId, issued.SecretAccessKey, "acc_1", Scope, issued.Expiration));
    }

    [Fact]
    public async Task IssueTemporary_NeedsNoStoredKey_AndTheTokenStillResolvesAfterARestart()
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        // Another service instance over the same store: the server-wide key is shared, nothing else is needed.
        var restarted = new S3CredentialService(h.Store, h.ProjectsBucket, Microsoft.Extensions.Options.Options.Create(h.Options), h.Time);

        (await restarted.ResolveAsync(issued.AccessKeyId, issued.SessionToken, S3Harness.Ct)).ShouldSucceed().SecretAccessKey.ShouldBe(issued.SecretAccessKey);
        (await h.Store.ListS3KeysAsync(null, S3Harness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidToken_ForATokenSignedByAnotherServer()
    {
        await using var h = await S3Harness.CreateAsync();
        await using var other = await S3Harness.CreateAsync();
        var foreign = await other.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(foreign.AccessKeyId, foreign.SessionToken, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidToken_ForATemporaryKeyWithoutItsToken()
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(issued.AccessKeyId, null, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
        (await h.Credentials.ResolveAsync(issued.AccessKeyId, "", S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidToken_ForAnotherTemporaryKeysToken()
    {
        await using var h = await S3Harness.CreateAsync();
        var first = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);
        var second = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(first.AccessKeyId, second.SessionToken, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(-1)]
    [InlineData(-10)]
    public async Task Resolve_ReturnsInvalidToken_WhenAnyCharacterOfTheTokenIsChanged(int position)
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);
        var token = issued.SessionToken!;
        var at = position >= 0 ? position : token.Length + position;
        var tampered = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        (await h.Credentials.ResolveAsync(issued.AccessKeyId, tampered, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidToken_WhenThePayloadIsReSignedForAnotherKey()
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);
        var other = await h.Credentials.IssueTemporaryAsync("acc_1", Scope with { Key = "gallery/ig12345/other.jpg" }, TimeSpan.FromHours(2), S3Harness.Ct);

        // The first token's payload with the second's MAC: widening a scope by splicing must fail.
        var spliced = issued.SessionToken!.Split('.')[0] + "." + other.SessionToken!.Split('.')[1];

        (await h.Credentials.ResolveAsync(issued.AccessKeyId, spliced, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData(".")]
    [InlineData("a.b.c")]
    [InlineData("FwoGZXIvYXdzEJr//////////wEaDM")]
    public async Task Resolve_ReturnsInvalidToken_ForAMalformedToken(string token)
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(issued.AccessKeyId, token, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Fact]
    public async Task Resolve_ReturnsInvalidToken_ForAHugeToken()
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(issued.AccessKeyId, new string('A', 100_000) + "." + new string('A', 43), S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Fact]
    public async Task Resolve_ReturnsExpiredToken_FromTheExpirationOn()
    {
        await using var h = await S3Harness.CreateAsync();
        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(2), S3Harness.Ct);

        h.Time.Advance(issued.Expiration!.Value - h.Time.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        (await h.Credentials.ResolveAsync(issued.AccessKeyId, issued.SessionToken, S3Harness.Ct)).ShouldSucceed();

        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        (await h.Credentials.ResolveAsync(issued.AccessKeyId, issued.SessionToken, S3Harness.Ct)).ShouldFailWith(S3Errors.ExpiredToken);
    }

    [Fact]
    public async Task Resolve_ChecksTheSignatureBeforeTheExpiry_SoAForgedTokenIsNeverCalledExpired()
    {
        await using var h = await S3Harness.CreateAsync();
        await using var other = await S3Harness.CreateAsync();
        var foreign = await other.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromSeconds(10), S3Harness.Ct);
        h.Time.AdvanceSeconds(60);

        (await h.Credentials.ResolveAsync(foreign.AccessKeyId, foreign.SessionToken, S3Harness.Ct)).ShouldFailWith(S3Errors.InvalidToken);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-1.0)]
    public async Task IssueTemporary_Throws_ForALifetimeUnderOneSecond(double seconds)
    {
        await using var h = await S3Harness.CreateAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromSeconds(seconds), S3Harness.Ct));
    }

    [Fact]
    public async Task IssueTemporary_AcceptsTheMaximumLifetime_AndThrowsOneSecondAboveIt()
    {
        await using var h = await S3Harness.CreateAsync(o => o.MaxTemporaryCredentialSeconds = 3600);

        var longest = await h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromHours(1), S3Harness.Ct);

        (longest.Expiration!.Value - h.Time.GetUtcNow()).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(1));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => h.Credentials.IssueTemporaryAsync("acc_1", Scope, TimeSpan.FromSeconds(3601), S3Harness.Ct));
    }

    [Theory]
    [InlineData("Bad_Bucket", "a.jpg")]
    [InlineData("iguides.plntr.ca", "")]
    public async Task IssueTemporary_Throws_ForAScopeThatNamesNoObject(string bucket, string key)
    {
        await using var h = await S3Harness.CreateAsync();

        await Should.ThrowAsync<ArgumentException>(() => h.Credentials.IssueTemporaryAsync("acc_1", new S3KeyScope(bucket, key), TimeSpan.FromHours(1), S3Harness.Ct));
    }

    [Fact]
    public async Task IssueTemporary_CarriesAnyKey_UpTo1024Utf8Bytes()
    {
        await using var h = await S3Harness.CreateAsync();
        var key = "gallery/é🙂&?#%/" + new string('x', 1024 - 20);
        var scope = Scope with { Key = key };

        var issued = await h.Credentials.IssueTemporaryAsync("acc_1", scope, TimeSpan.FromHours(1), S3Harness.Ct);

        (await h.Credentials.ResolveAsync(issued.AccessKeyId, issued.SessionToken, S3Harness.Ct)).ShouldSucceed().Scope.ShouldBe(scope);
    }

    [GeneratedRegex("^AKIA[A-Z2-7]{16}$")]
    private static partial Regex LongLivedId();

    [GeneratedRegex("^ASIA[A-Z2-7]{16}$")]
    private static partial Regex TemporaryId();

    [GeneratedRegex("^[A-Za-z0-9+/]{40}$")]
    private static partial Regex SecretShape();

    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenShape();
}
