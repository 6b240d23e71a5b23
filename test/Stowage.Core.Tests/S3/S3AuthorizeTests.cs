using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// What a principal may do (issue 3, "Credentials"; seeds 000/001): an account's own key anything (bucket
/// ownership is checked elsewhere); a scoped temporary credential only the upload operations on its one key,
/// with <c>x-amz-acl: bucket-owner-full-control</c> on PutObject and CreateMultipartUpload.
/// </summary>
public sealed class S3AuthorizeTests
{
    private const string Bucket = "iguides.plntr.ca";
    private const string Key = "gallery/ig12345/a3K9.jpg";
    private const string Acl = "bucket-owner-full-control";

    private static readonly Account Owner = new("acc_1", "field", true, null, null, null, null, TestTime.Start);
    private static readonly Principal Scoped = new(Owner, CredentialKind.TemporaryCredential, "ASIAAAAAAAAAAAAAAAAA", [], new S3KeyScope(Bucket, Key), TestTime.Start.AddHours(2));
    private static readonly Principal Unscoped = new(Owner, CredentialKind.S3AccessKey, "AKIAAAAAAAAAAAAAAAAA", []);

    public static TheoryData<S3Action> AllActions => [.. Enum.GetValues<S3Action>()];

    public static TheoryData<S3Action> UploadActions =>
    [
        S3Action.PutObject, S3Action.CreateMultipartUpload, S3Action.UploadPart,
        S3Action.CompleteMultipartUpload, S3Action.ListParts, S3Action.AbortMultipartUpload,
    ];

    public static TheoryData<S3Action> OtherActions =>
    [
        S3Action.ListBuckets, S3Action.CreateBucket, S3Action.HeadBucket, S3Action.ListObjects, S3Action.GetObject,
        S3Action.HeadObject, S3Action.DeleteObject, S3Action.ListMultipartUploads,
    ];

    [Theory]
    [MemberData(nameof(AllActions))]
    public void Authorize_AllowsEverything_ToAnUnscopedPrincipal(S3Action action)
    {
        AccountPolicy.AuthorizeS3(Unscoped, action, "any-bucket", "any/key", cannedAcl: null).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(UploadActions))]
    public void Authorize_AllowsTheUploadOperations_OnTheScopedKeyWithTheAcl(S3Action action)
    {
        AccountPolicy.AuthorizeS3(Scoped, action, Bucket, Key, Acl).ShouldBeNull();
    }

    [Theory]
    [InlineData(S3Action.UploadPart)]
    [InlineData(S3Action.CompleteMultipartUpload)]
    [InlineData(S3Action.ListParts)]
    [InlineData(S3Action.AbortMultipartUpload)]
    public void Authorize_DoesNotAskForTheAcl_OnTheLaterMultipartOperations(S3Action action)
    {
        AccountPolicy.AuthorizeS3(Scoped, action, Bucket, Key, cannedAcl: null).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(OtherActions))]
    public void Authorize_DeniesEveryOtherOperation_EvenOnTheScopedKey(S3Action action)
    {
        var denied = AccountPolicy.AuthorizeS3(Scoped, action, Bucket, Key, Acl);

        ShouldBeDenied(denied, action.ToString());
    }

    [Theory]
    [InlineData(S3Action.PutObject, null)]
    [InlineData(S3Action.PutObject, "private")]
    [InlineData(S3Action.PutObject, "bucket-owner-read")]
    [InlineData(S3Action.PutObject, "BUCKET-OWNER-FULL-CONTROL")]
    [InlineData(S3Action.CreateMultipartUpload, null)]
    [InlineData(S3Action.CreateMultipartUpload, "public-read")]
    public void Authorize_DeniesAnUpload_WithoutTheBucketOwnerFullControlAcl(S3Action action, string? acl)
    {
        var denied = AccountPolicy.AuthorizeS3(Scoped, action, Bucket, Key, acl);

        ShouldBeDenied(denied, "x-amz-acl: bucket-owner-full-control");
    }

    [Theory]
    [InlineData(Bucket, "gallery/ig12345/a3K9.jpg2")]
    [InlineData(Bucket, "gallery/ig12345/A3K9.JPG")]
    [InlineData(Bucket, "gallery/ig12345/")]
    [InlineData(Bucket, "gallery/ig12345/a3K9")]
    [InlineData(Bucket, "/gallery/ig12345/a3K9.jpg")]
    [InlineData(Bucket, null)]
    [InlineData("other-bucket", Key)]
    [InlineData(null, Key)]
    public void Authorize_DeniesAnyOtherBucketOrKey(string? bucket, string? key)
    {
        foreach (var action in new[] { S3Action.PutObject, S3Action.UploadPart, S3Action.CompleteMultipartUpload })
        {
            ShouldBeDenied(AccountPolicy.AuthorizeS3(Scoped, action, bucket, key, Acl), Key);
        }
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void Authorize_DeniesEverything_ToASessionsApiKey(S3Action action)
    {
        var apiKey = new Principal(Owner, CredentialKind.ApiKey, "key_1", Scopes.Default);

        ShouldBeDenied(AccountPolicy.AuthorizeS3(apiKey, action, Bucket, Key, Acl), "S3");
    }

    private static void ShouldBeDenied(Core.Errors.Failure? failure, string reasonMentions)
    {
        failure.ShouldNotBeNull();
        failure.Error.ShouldBe(StowageErrors.AccessDenied);
        failure.Message.ShouldContain(reasonMentions);
    }
}
