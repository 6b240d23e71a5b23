using System.Text;
using Stowage.FunctionalTests.Infrastructure;
using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.ProjectsBucket;

/// <summary>
/// A server on which two accounts, alice and bob, each made projects through the Sessions API and hold long-lived S3
/// keys of their own: alice a project of two uploaded files and one of an unpacked zip, bob one project. The tests
/// read them back through the projects bucket (docs/protocols/s3.md, "The projects bucket").
/// </summary>
public sealed class ProjectsBucketServerFixture : S3ServerFixture
{
    public const string Bucket = "stowage-projects";

    public static readonly IReadOnlyDictionary<string, byte[]> ScanFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["scan.e57"] = TestData.Bytes(300_000, 801),
        ["notes.txt"] = Encoding.UTF8.GetBytes("surveyed on a sunny day\n"),
    };

    public static readonly IReadOnlyDictionary<string, byte[]> ZipEntries = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["floor1/a.jpg"] = TestData.Bytes(40_000, 802),
        ["floor1/sub/b.e57"] = TestData.Bytes(70_000, 803),
        ["readme.txt"] = Encoding.UTF8.GetBytes("unpacked from model.zip\n"),
    };

    public static readonly IReadOnlyDictionary<string, byte[]> BobFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["secret.jpg"] = TestData.Bytes(20_000, 804),
    };

    public static readonly byte[] Zip = ArchiveBuilder.Zip(ZipEntries, directories: ["floor1", "floor1/sub"]);

    private string? _aliceApiKey;
    private string? _bobApiKey;

    /// <summary>alice's project of scan.e57 and notes.txt.</summary>
    public string ScanProject { get; private set; } = "";

    /// <summary>alice's project of model.zip and the entries unpacked from it.</summary>
    public string ZipProject { get; private set; } = "";

    public string BobProject { get; private set; } = "";

    public S3Credential Alice { get; private set; } = null!;

    public S3Credential Bob { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var cli = new StowageCli(Server.DataDirectory);
        _aliceApiKey = (await cli.CreateKeyAsync("alice", Scope.Write, Scope.Read)).Secret;
        _bobApiKey = (await cli.CreateKeyAsync("bob", Scope.Write, Scope.Read)).Secret;
        using (var alice = AliceSessions())
        {
            ScanProject = await ReadyProjectAsync(alice, ScanFiles);
            ZipProject = await ReadyProjectAsync(alice, new Dictionary<string, byte[]> { ["model.zip"] = Zip });
        }

        using (var bob = BobSessions())
        {
            BobProject = await ReadyProjectAsync(bob, BobFiles);
        }

        Alice = await Cli.CreateAccountKeyAsync(Endpoint, "alice");
        Bob = await Cli.CreateAccountKeyAsync(Endpoint, "bob");
    }

    /// <summary>alice's Sessions API client (a key with projects:read and projects:write); the caller disposes it.</summary>
    public SessionsClient AliceSessions() => new(Server.ApiBase, _aliceApiKey);

    public SessionsClient BobSessions() => new(Server.ApiBase, _bobApiKey);

    /// <summary>A session of the files, made a project and processed; returns the project's name.</summary>
    public static async Task<string> ReadyProjectAsync(SessionsClient client, IReadOnlyDictionary<string, byte[]> files)
    {
        var uploadId = await client.NewUploadAsync();
        foreach (var (file, bytes) in files)
        {
            await client.UploadAsync(uploadId, file, bytes);
        }

        var name = await client.NewProjectAsync(uploadId);
        var done = await client.WaitForProjectAsync(name);
        done.Int("status").ShouldBe(100, done.ToString());
        return name;
    }
}
