using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>Bucket names (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), idempotent creation, ownership.</summary>
public sealed class S3BucketServiceTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("iguides.plntr.ca")]
    [InlineData("my-bucket-2024")]
    [InlineData("0bucket9")]
    [InlineData("a.b-c.d")]
    [InlineData("123.456.789")]
    [InlineData("1.2.3.4.5")]
    [InlineData("xn-bucket")]
    [InlineData("my-s3alias-bucket")]
    public async Task Create_AcceptsAValidName(string name)
    {
        await using var h = await S3Harness.CreateAsync();

        var created = (await h.Buckets.CreateAsync("acc_1", name, S3Harness.Ct)).ShouldSucceed();

        created.ShouldBe(new S3Bucket(name, "acc_1", h.Time.GetUtcNow()));
        S3BucketService.IsValidName(name).ShouldBeTrue();
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData("Uppercase")]
    [InlineData("under_score")]
    [InlineData("-starts-with-hyphen")]
    [InlineData("ends-with-hyphen-")]
    [InlineData(".starts-with-dot")]
    [InlineData("ends-with-dot.")]
    [InlineData("two..dots")]
    [InlineData("192.168.5.4")]
    [InlineData("999.1.1.1")]
    [InlineData("xn--punycode")]
    [InlineData("sthree-bucket")]
    [InlineData("my-bucket-s3alias")]
    [InlineData("my-bucket--ol-s3")]
    [InlineData("has space")]
    [InlineData("slash/bucket")]
    [InlineData("ünicode")]
    public async Task Create_ReturnsInvalidBucketName_ForAnInvalidName(string name)
    {
        await using var h = await S3Harness.CreateAsync();

        (await h.Buckets.CreateAsync("acc_1", name, S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidBucketName);
        S3BucketService.IsValidName(name).ShouldBeFalse();
    }

    [Fact]
    public async Task Create_ReturnsInvalidBucketName_For64Characters_AndAccepts63()
    {
        await using var h = await S3Harness.CreateAsync();

        (await h.Buckets.CreateAsync("acc_1", new string('a', 64), S3Harness.Ct)).ShouldFailWith(StowageErrors.InvalidBucketName);
        (await h.Buckets.CreateAsync("acc_1", new string('a', 63), S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task Create_IsIdempotent_ForTheOwningAccount_KeepingTheFirstCreationTime()
    {
        await using var h = await S3Harness.CreateAsync();
        var first = (await h.Buckets.CreateAsync("acc_1", "rclone-target", S3Harness.Ct)).ShouldSucceed();
        h.Time.AdvanceSeconds(10);

        var again = (await h.Buckets.CreateAsync("acc_1", "rclone-target", S3Harness.Ct)).ShouldSucceed();

        again.ShouldBe(first);
        (await h.Buckets.ListAsync(null, S3Harness.Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Create_ReturnsBucketAlreadyExists_ForAnotherAccountsBucket()
    {
        await using var h = await S3Harness.CreateAsync();
        await h.Buckets.CreateAsync("acc_1", "taken", S3Harness.Ct);

        (await h.Buckets.CreateAsync("acc_2", "taken", S3Harness.Ct)).ShouldFailWith(StowageErrors.BucketAlreadyExists);
        (await h.Buckets.FindAsync("taken", S3Harness.Ct))!.AccountId.ShouldBe("acc_1");
    }

    [Fact]
    public async Task Get_ReturnsTheBucket_ToItsAccountsPrincipals_ScopedOrNot()
    {
        await using var h = await S3Harness.CreateAsync();
        var bucket = (await h.Buckets.CreateAsync("acc_1", "mine", S3Harness.Ct)).ShouldSucceed();
        var own = new Principal(S3Harness.FixedAccount("acc_1"), CredentialKind.S3AccessKey, "AKIAAAAAAAAAAAAAAAAA", []);
        var scoped = own with { Kind = CredentialKind.TemporaryCredential, ObjectScope = new S3KeyScope("mine", "k") };

        (await h.Buckets.GetAsync(own, "mine", S3Harness.Ct)).ShouldSucceed().ShouldBe(bucket);
        (await h.Buckets.GetAsync(scoped, "mine", S3Harness.Ct)).ShouldSucceed().ShouldBe(bucket);
    }

    [Fact]
    public async Task Get_ReturnsNoSuchBucket_WhenMissing_AndAccessDenied_ForAnotherAccountsBucket()
    {
        await using var h = await S3Harness.CreateAsync();
        await h.Buckets.CreateAsync("acc_1", "theirs", S3Harness.Ct);
        var stranger = new Principal(S3Harness.FixedAccount("acc_2"), CredentialKind.S3AccessKey, "AKIAAAAAAAAAAAAAAAAA", []);

        (await h.Buckets.GetAsync(stranger, "missing", S3Harness.Ct)).ShouldFailWith(StowageErrors.BucketNotFound);
        (await h.Buckets.GetAsync(stranger, "Not_Valid", S3Harness.Ct)).ShouldFailWith(StowageErrors.BucketNotFound);
        (await h.Buckets.GetAsync(stranger, "theirs", S3Harness.Ct)).ShouldFailWith(StowageErrors.AccessDenied);
    }

    [Fact]
    public async Task List_ReturnsOneAccountsBuckets_OrAll_ByName()
    {
        await using var h = await S3Harness.CreateAsync();
        await h.Buckets.CreateAsync("acc_1", "b-bucket", S3Harness.Ct);
        await h.Buckets.CreateAsync("acc_2", "c-bucket", S3Harness.Ct);
        await h.Buckets.CreateAsync("acc_1", "a-bucket", S3Harness.Ct);

        (await h.Buckets.ListAsync("acc_1", S3Harness.Ct)).Select(b => b.Name).ShouldBe(["a-bucket", "b-bucket"]);
        (await h.Buckets.ListAsync(null, S3Harness.Ct)).Select(b => b.Name).ShouldBe(["a-bucket", "b-bucket", "c-bucket"]);
    }
}
