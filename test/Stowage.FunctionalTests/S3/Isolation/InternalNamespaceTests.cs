using System.Net;
using System.Security.Cryptography;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.Isolation;

/// <summary>
/// Stowage's own bytes (session and project files) live in an internal blob namespace that no S3 bucket reaches
/// (docs/ARCHITECTURE.md, "Objects and blobs"). Before, an account that created an S3 bucket named like that
/// namespace (<c>stowage</c>) and wrote <c>sessions/{another account's upload id}/{file}</c> replaced that
/// account's acknowledged file, and its project failed with size_mismatch.
/// </summary>
public sealed class InternalNamespaceTests(S3ServerFixture fixture) : IClassFixture<S3ServerFixture>, IDisposable
{
    private const string InternalName = "stowage";
    private readonly RawS3 _s3 = new(fixture.Endpoint);

    [Fact]
    public async Task AnS3BucketNamedLikeTheInternalNamespace_CannotReplaceReadOrDeleteAnotherAccountsSessionFile()
    {
        var cli = new StowageCli(fixture.Server.DataDirectory);
        var victimKey = await cli.CreateKeyAsync("victim", Scope.Write, Scope.Read);
        using var victim = new SessionsClient(fixture.Server.ApiBase, victimKey.Secret);
        var data = RandomNumberGenerator.GetBytes(100_000);
        var uploadId = await victim.NewUploadAsync();
        await victim.UploadAsync(uploadId, "scan.e57", data);

        await fixture.Cli.CreateBucketAsync(InternalName, "attacker");
        var attacker = await fixture.Cli.CreateAccountKeyAsync(fixture.Endpoint, "attacker");
        var sessionKey = $"sessions/{uploadId}/scan.e57";
        using (var put = await _s3.PutAsync(attacker, InternalName, sessionKey, [1, 2, 3]))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, "the attacker's own bucket takes the write, as its own object");
        }

        using (var read = await _s3.GetAsync(attacker, InternalName, sessionKey))
        {
            (await read.Content.ReadAsByteArrayAsync()).ShouldBe(new byte[] { 1, 2, 3 }, "the attacker reads back only what it wrote");
        }

        using (var delete = await _s3.SendAsync(SignedRequest.Create(HttpMethod.Delete, _s3.ObjectUri(InternalName, sessionKey), attacker, SigV4.EmptySha256).WithoutContent()))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var name = await victim.NewProjectAsync(uploadId);
        var done = await victim.WaitForProjectAsync(name);
        done.Int("status").ShouldBe(100, done.ToString());
        (await victim.GetFileAsync(uploadId, "scan.e57")).Status.ShouldBe(HttpStatusCode.NotFound, "the session became the project");
        (await victim.ProjectFileBytesAsync(name, "scan.e57")).ShouldBe(data, "the victim's acknowledged bytes are intact");
    }

    public void Dispose() => _s3.Dispose();
}
