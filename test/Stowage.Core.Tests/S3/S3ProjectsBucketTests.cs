using Stowage.Core.Errors;
using System.Security.Cryptography;
using Stowage.Core.Checksums;
using Stowage.Core.Projects;
using Stowage.Core.S3;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The projects bucket (docs/protocols/s3.md, "The projects bucket"): each account's own keys read that account's
/// projects' files as <c>{project}/{path}</c>, through the same GetObject, HeadObject and listing code as any bucket.
/// </summary>
public sealed class S3ProjectsBucketTests
{
    private const string Bucket = S3Options.DefaultProjectsBucket;

    [Fact]
    public async Task Head_AndOpen_GiveTheAccountsProjectFile_WithItsSha256AsETagAndChecksum()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        var project = await h.ProjectAsync(alice, "scanAAAAAAAAAAAAAAAA", ["scan.e57", "floor1/a.jpg"]);
        h.Time.AdvanceSeconds(60);
        var view = await h.ViewAsync(alice);

        var record = (await h.Objects.HeadAsync(view, "scanAAAAAAAAAAAAAAAA/floor1/a.jpg", S3Harness.Ct)).ShouldSucceed();

        var bytes = ProjectsBucketFixture.Bytes("floor1/a.jpg");
        var sha = SHA256.HashData(bytes);
        record.Bucket.ShouldBe(Bucket);
        record.Key.ShouldBe("scanAAAAAAAAAAAAAAAA/floor1/a.jpg");
        record.Size.ShouldBe(bytes.Length);
        record.ETag.ShouldBe(Convert.ToHexStringLower(sha), "the ETag is the SHA-256, 64 hex digits: never taken for an MD5");
        record.ETag.Length.ShouldBe(64);
        record.Checksum.ShouldBe(new ChecksumValue(ChecksumAlgorithm.Sha256, Convert.ToBase64String(sha)));
        record.LastModified.ShouldBe(project.Created, "a file is as old as its project, whenever it is read");
        record.Headers["content-type"].ShouldBe("application/octet-stream");
        record.PartsCount.ShouldBeNull();
        var content = (await h.Objects.OpenAsync(view, record.Key, 3, S3Harness.Ct)).ShouldSucceed();
        await using (content.Content)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            copy.ToArray().ShouldBe(bytes[3..], "the bytes from the offset asked for");
        }
    }

    [Theory]
    [InlineData("scanAAAAAAAAAAAAAAAA/missing.jpg")]
    [InlineData("scanAAAAAAAAAAAAAAAA/")]
    [InlineData("scanAAAAAAAAAAAAAAAA/scan")]
    [InlineData("scanAAAAAAAAAAAAAAAA")]
    [InlineData("/scan.e57")]
    [InlineData("nosuchproject/scan.e57")]
    [InlineData("scanAAAAAAAAAAAAAAAA/SCAN.E57")]
    public async Task Head_IsNoSuchKey_ForAKeyThatNamesNoFile(string key)
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        await h.ProjectAsync(alice, "scanAAAAAAAAAAAAAAAA", ["scan.e57"]);

        (await h.Objects.HeadAsync(await h.ViewAsync(alice), key, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
    }

    [Fact]
    public async Task AnAccount_SeesOnlyItsOwnProjects_InTheSameBucket()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        var bob = await h.AccountAsync("bob");
        await h.ProjectAsync(alice, "aliceAAAAAAAAAAAAAAA", ["a.jpg"]);
        await h.ProjectAsync(bob, "bobBBBBBBBBBBBBBBBBB", ["b.jpg"]);
        var aliceView = await h.ViewAsync(alice);
        var bobView = await h.ViewAsync(bob);

        aliceView.ShouldBe(new S3Bucket(Bucket, alice.Id, alice.Created));
        bobView.ShouldBe(new S3Bucket(Bucket, bob.Id, bob.Created));
        (await h.ListAllAsync(aliceView, "", null, 1000)).Keys.ShouldBe(["aliceAAAAAAAAAAAAAAA/a.jpg"]);
        (await h.ListAllAsync(bobView, "", null, 1000)).Keys.ShouldBe(["bobBBBBBBBBBBBBBBBBB/b.jpg"]);
        (await h.ListAllAsync(bobView, "aliceAAAAAAAAAAAAAAA/", null, 1000)).Keys.ShouldBeEmpty();
        (await h.Objects.HeadAsync(bobView, "aliceAAAAAAAAAAAAAAA/a.jpg", S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.Objects.OpenAsync(bobView, "aliceAAAAAAAAAAAAAAA/a.jpg", 0, S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.Objects.HeadAsync(aliceView, "aliceAAAAAAAAAAAAAAA/a.jpg", S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task AProjectBeingDeleted_IsGone_FromReadsAndListings()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        await h.ProjectAsync(alice, "keptAAAAAAAAAAAAAAAA", ["a.jpg"]);
        var doomed = await h.ProjectAsync(alice, "doomedAAAAAAAAAAAAAA", ["a.jpg"]);
        await h.Store.UpdateProjectAsync(doomed with { State = ProjectState.Deleting }, S3Harness.Ct);
        var view = await h.ViewAsync(alice);

        (await h.Objects.HeadAsync(view, "doomedAAAAAAAAAAAAAA/a.jpg", S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.ListAllAsync(view, "", null, 1000)).Keys.ShouldBe(["keptAAAAAAAAAAAAAAAA/a.jpg"]);
        (await h.ListAllAsync(view, "doomedAAAAAAAAAAAAAA/", null, 1000)).Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task AFileNotHashedYet_AndAProjectWithoutFiles_AreNotShown()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        await h.ProjectAsync(alice, "halfAAAAAAAAAAAAAAAA", ["done.jpg", "pending.jpg"], ProjectState.Processing, unhashed: ["pending.jpg"]);
        await h.ProjectAsync(alice, "linkAAAAAAAAAAAAAAAA", [], ProjectState.Queued);
        var view = await h.ViewAsync(alice);

        (await h.ListAllAsync(view, "", null, 1000)).Keys.ShouldBe(["halfAAAAAAAAAAAAAAAA/done.jpg"]);
        (await h.ListAllAsync(view, "", "/", 1000)).Prefixes.ShouldBe(["halfAAAAAAAAAAAAAAAA/"], customMessage: "a project without files has no prefix either");
        (await h.Objects.HeadAsync(view, "halfAAAAAAAAAAAAAAAA/pending.jpg", S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        (await h.Objects.HeadAsync(view, "halfAAAAAAAAAAAAAAAA/done.jpg", S3Harness.Ct)).ShouldSucceed();
    }

    [Fact]
    public async Task List_OrdersKeysAsS3Does_EvenWhenOneProjectNameStartsAnother()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        // '-' sorts before '/': every key of "proj-x1y2z3" comes before every key of "proj".
        await h.ProjectAsync(alice, "proj", ["b.jpg", "a/1.jpg"]);
        await h.ProjectAsync(alice, "proj-x1y2z3", ["z.jpg"]);
        await h.ProjectAsync(alice, "other", ["\U0001F600.jpg", "\uE000.jpg", "x.jpg"]);
        var view = await h.ViewAsync(alice);
        List<string> all = ["other/x.jpg", "other/\uE000.jpg", "other/\U0001F600.jpg", "proj-x1y2z3/z.jpg", "proj/a/1.jpg", "proj/b.jpg"];

        (await h.ListAllAsync(view, "", null, 1000)).Keys.ShouldBe(all);
        var paged = await h.ListAllAsync(view, "", null, 2);
        paged.Keys.ShouldBe(all, customMessage: "pages of two, continued across projects");
        paged.Pages.ShouldBe(3);
        (await h.ListAllAsync(view, "proj", null, 1000)).Keys.ShouldBe(["proj-x1y2z3/z.jpg", "proj/a/1.jpg", "proj/b.jpg"]);
        (await h.ListAllAsync(view, "proj/", null, 1000)).Keys.ShouldBe(["proj/a/1.jpg", "proj/b.jpg"]);
        (await h.ListAllAsync(view, "proj/a", null, 1000)).Keys.ShouldBe(["proj/a/1.jpg"]);
        (await h.ListAllAsync(view, "proj/c", null, 1000)).Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_WithADelimiter_RollsUpProjectsAndFolders_AndPagesThroughThem()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        await h.ProjectAsync(alice, "proj", ["readme.txt", "floor1/a.jpg", "floor1/b.jpg", "floor1/sub/c.e57", "floor2/d.ply"]);
        await h.ProjectAsync(alice, "proj-x1y2z3", ["z.jpg"]);
        await h.ProjectAsync(alice, "zeta", ["e.jpg"]);
        var view = await h.ViewAsync(alice);

        var top = await h.ListAllAsync(view, "", "/", 1000);
        top.Prefixes.ShouldBe(["proj-x1y2z3/", "proj/", "zeta/"], customMessage: "each project is one common prefix, as `aws s3 ls` shows it");
        top.Keys.ShouldBeEmpty();

        var inProject = await h.ListAllAsync(view, "proj/", "/", 1000);
        inProject.Keys.ShouldBe(["proj/readme.txt"]);
        inProject.Prefixes.ShouldBe(["proj/floor1/", "proj/floor2/"]);

        var pagedOneByOne = await h.ListAllAsync(view, "proj/", "/", 1);
        pagedOneByOne.Prefixes.ShouldBe(["proj/floor1/", "proj/floor2/"], customMessage: "a page that ends on a common prefix is not listed again");
        pagedOneByOne.Keys.ShouldBe(["proj/readme.txt"]);
        pagedOneByOne.Pages.ShouldBe(3);

        var folder = await h.ListAllAsync(view, "proj/floor1/", "/", 1000);
        folder.Keys.ShouldBe(["proj/floor1/a.jpg", "proj/floor1/b.jpg"]);
        folder.Prefixes.ShouldBe(["proj/floor1/sub/"]);
    }

    [Fact]
    public async Task List_StartsAfterTheGivenKey()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        await h.ProjectAsync(alice, "proj", ["a.jpg", "b.jpg"]);
        await h.ProjectAsync(alice, "zeta", ["e.jpg"]);
        var view = await h.ViewAsync(alice);

        async Task<IEnumerable<string>> AfterAsync(string startAfter) =>
            (await h.Objects.ListAsync(view, new ObjectListRequest("", null, 1000, null, startAfter), S3Harness.Ct)).ShouldSucceed().Objects.Select(o => o.Key);

        (await AfterAsync("proj/a.jpg")).ShouldBe(["proj/b.jpg", "zeta/e.jpg"]);
        (await AfterAsync("proj")).ShouldBe(["proj/a.jpg", "proj/b.jpg", "zeta/e.jpg"]);
        (await AfterAsync("proj0")).ShouldBe(["zeta/e.jpg"], customMessage: "'0' sorts after '/': past every key of proj");
        (await AfterAsync("\U0010FFFF")).ShouldBeEmpty();
    }

    public static TheoryData<S3Action> AllActions => [.. Enum.GetValues<S3Action>()];

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Authorize_LetsTheAccountsOwnKeyOnlyRead(S3Action action)
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        S3Action[] reads = [S3Action.HeadBucket, S3Action.ListObjects, S3Action.GetObject, S3Action.HeadObject,
            S3Action.ListMultipartUploads, S3Action.ListParts, S3Action.UnimplementedRead];

        var denied = h.ProjectsBucket.Authorize(ProjectsBucketFixture.OwnKey(alice), action);

        if (reads.Contains(action) || action == S3Action.CreateBucket)
        {
            denied.ShouldBeNull(); // CreateBucket is answered BucketAlreadyExists by the bucket service
        }
        else
        {
            denied.ShouldNotBeNull().Error.ShouldBe(StowageErrors.AccessDenied);
            denied.Message.ShouldContain($"The bucket '{Bucket}' is read-only");
        }
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Authorize_RefusesEveryAction_ToATemporaryCredential_EvenOneScopedToTheBucket(S3Action action)
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");

        foreach (var scope in new[] { ProjectsBucketFixture.TemporaryKey(alice, Bucket, "proj/a.jpg"), ProjectsBucketFixture.TemporaryKey(alice, "elsewhere", "k") })
        {
            var denied = h.ProjectsBucket.Authorize(scope, action);

            denied.ShouldNotBeNull().Error.ShouldBe(StowageErrors.AccessDenied);
            denied.Message.ShouldContain("Temporary credentials cannot use the bucket");
        }
    }

    [Fact]
    public async Task CreateBucket_OfTheReservedName_IsBucketAlreadyExists_ForEveryAccount()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");

        var refused = (await h.Buckets.CreateAsync(alice.Id, Bucket, S3Harness.Ct)).ShouldFailWith(StowageErrors.BucketAlreadyExists);

        refused.Message.ShouldContain("reserved");
        (await h.Buckets.FindAsync(Bucket, S3Harness.Ct)).ShouldBeNull("no record was made");
        (await h.Buckets.FindHiddenByProjectsBucketAsync(S3Harness.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ListBuckets_ShowsTheProjectsBucket_ToTheAccountsOwnKeys_Only()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        await h.Buckets.CreateAsync(alice.Id, "zz-last", S3Harness.Ct);
        await h.Buckets.CreateAsync(alice.Id, "aa-first", S3Harness.Ct);

        (await h.Buckets.ListForAsync(ProjectsBucketFixture.OwnKey(alice), S3Harness.Ct))
            .ShouldBe([new S3Bucket("aa-first", alice.Id, h.Time.GetUtcNow()), new S3Bucket(Bucket, alice.Id, alice.Created), new S3Bucket("zz-last", alice.Id, h.Time.GetUtcNow())]);
        (await h.Buckets.ListForAsync(ProjectsBucketFixture.TemporaryKey(alice, "aa-first", "k"), S3Harness.Ct)).Select(b => b.Name)
            .ShouldBe(["aa-first", "zz-last"]);
        (await h.Buckets.ListAsync(alice.Id, S3Harness.Ct)).Select(b => b.Name).ShouldBe(["aa-first", "zz-last"], customMessage: "operators list the buckets with records");
    }

    [Fact]
    public async Task ABucketWithARecordUnderTheName_FromAnOlderDataDirectory_IsFound_ForStartUpToRefuse()
    {
        await using var h = await S3Harness.CreateAsync();
        var alice = await h.AccountAsync("alice");
        var old = new S3Bucket(Bucket, alice.Id, h.Time.GetUtcNow());
        (await h.Store.CreateBucketAsync(old, S3Harness.Ct)).ShouldBeTrue();

        (await h.Buckets.FindHiddenByProjectsBucketAsync(S3Harness.Ct)).ShouldBe(old);
    }

    [Fact]
    public async Task TheName_IsConfigurable_AndTheDefaultNameIsThenAnOrdinaryBucket()
    {
        await using var h = await S3Harness.CreateAsync(o => o.ProjectsBucket = "all-projects");
        var alice = await h.AccountAsync("alice");
        await h.ProjectAsync(alice, "proj", ["a.jpg"]);

        (await h.Buckets.CreateAsync(alice.Id, "all-projects", S3Harness.Ct)).ShouldFailWith(StowageErrors.BucketAlreadyExists);
        var ordinary = (await h.Buckets.CreateAsync(alice.Id, Bucket, S3Harness.Ct)).ShouldSucceed();
        (await h.Objects.HeadAsync(ordinary, "proj/a.jpg", S3Harness.Ct)).ShouldFailWith(StowageErrors.ObjectNotFound);
        var view = await h.ViewAsync(alice);
        view.Name.ShouldBe("all-projects");
        (await h.ListAllAsync(view, "", null, 1000)).Keys.ShouldBe(["proj/a.jpg"]);
    }
}
