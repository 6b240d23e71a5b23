using System.Security.Cryptography;
using Stowage.Core.Accounts;
using Stowage.Core.Projects;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// Projects written straight into the store of an <see cref="S3Harness"/>, in exactly the state a test needs (being
/// deleted, a file not hashed yet), with their bytes in blobs of their own; and each account's view of the projects bucket.
/// </summary>
internal static class ProjectsBucketFixture
{
    /// <summary>Bytes a file is made of; a file given as null is one processing has not hashed yet.</summary>
    public static byte[] Bytes(string path) => System.Text.Encoding.UTF8.GetBytes($"the bytes of {path}\n");

    public static async Task<Account> AccountAsync(this S3Harness h, string name) => await h.Accounts.EnsureAsync(name, S3Harness.Ct);

    /// <summary>A project of the account holding the given paths, each hashed (and so shown) unless listed in <paramref name="unhashed"/>.</summary>
    public static async Task<ProjectRecord> ProjectAsync(this S3Harness h, Account account, string name, IEnumerable<string> paths, ProjectState state = ProjectState.Ready, IEnumerable<string>? unhashed = null)
    {
        var now = h.Time.GetUtcNow();
        var project = new ProjectRecord(name, account.Id, name, state, state == ProjectState.Ready ? ProjectStatus.Ready : ProjectStatus.Queued,
            0, null, null, null, 0, now, now, []);
        var notHashed = new HashSet<string>(unhashed ?? [], StringComparer.Ordinal);
        var files = new List<ProjectFileRecord>();
        foreach (var path in paths)
        {
            var content = Bytes(path);
            var blob = new ObjectRef("stowage", $"test-projects/{name}/{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))}");
            await h.Blobs.PutAsync(blob, new MemoryStream(content), durable: false, S3Harness.Ct);
            var sha = notHashed.Contains(path) ? null : Convert.ToHexStringLower(SHA256.HashData(content));
            files.Add(new ProjectFileRecord(name, path, ProjectFileKind.Uploaded, content.Length, sha, blob, null));
        }

        var created = await h.Store.CreateProjectAsync(project, files, null, ProjectJob.Create(name, now, account.Id), null, S3Harness.Ct);
        created.Outcome.ShouldBe(ProjectCreationOutcome.Created);
        return project;
    }

    /// <summary>The projects bucket as the account's own key is given it (S3BucketService.GetAsync).</summary>
    public static async Task<S3Bucket> ViewAsync(this S3Harness h, Account account) =>
        (await h.Buckets.GetAsync(OwnKey(account), h.Options.ProjectsBucket, S3Harness.Ct)).ShouldSucceed();

    public static Principal OwnKey(Account account) =>
        new(account, CredentialKind.S3AccessKey, "AKIA" + account.Name.ToUpperInvariant().PadRight(16, 'X')[..16], []);

    public static Principal TemporaryKey(Account account, string bucket, string key) =>
        new(account, CredentialKind.TemporaryCredential, "ASIA" + account.Name.ToUpperInvariant().PadRight(16, 'X')[..16], [], new S3KeyScope(bucket, key), DateTimeOffset.MaxValue);

    /// <summary>Every key of a listing, paged through with continuation tokens, <paramref name="maxKeys"/> at a time.</summary>
    public static async Task<(List<string> Keys, List<string> Prefixes, int Pages)> ListAllAsync(this S3Harness h, S3Bucket bucket, string prefix, string? delimiter, int maxKeys)
    {
        var keys = new List<string>();
        var prefixes = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = (await h.Objects.ListAsync(bucket, new ObjectListRequest(prefix, delimiter, maxKeys, token, null), S3Harness.Ct)).ShouldSucceed();
            (page.Objects.Count + page.CommonPrefixes.Count).ShouldBeLessThanOrEqualTo(maxKeys);
            keys.AddRange(page.Objects.Select(o => o.Key));
            prefixes.AddRange(page.CommonPrefixes);
            token = page.IsTruncated ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);
        return (keys, prefixes, pages);
    }
}
