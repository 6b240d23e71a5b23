using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Accounts;
using Stowage.Core.Locks;
using Stowage.Core.Projects;
using Stowage.Core.S3;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;
using Stowage.Core.Tests.Support;
using Stowage.Core.Metadata;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The S3 services wired as the server wires them, over the real SQLite store and file-system blob store in a
/// temporary directory, with a manual clock. Fsync is off: durability is not what these tests check, and a
/// thousand-part upload should not wait for a thousand disk flushes.
/// </summary>
internal sealed class S3Harness : IAsyncDisposable
{
    private readonly string _root;

    private S3Harness(string root, S3Options options, Func<IS3Store, IS3Store>? wrapStore)
    {
        _root = root;
        Options = options;
        Store = TestBackend.Current.CreateMetadataStore(root, durable: false);
        (Blobs, Composer) = TestBackend.Current.CreateBlobStore(root);
        var s3Store = wrapStore?.Invoke(Store) ?? Store;
        var s3Options = Microsoft.Extensions.Options.Options.Create(options);
        var durability = Microsoft.Extensions.Options.Options.Create(new DurabilityOptions { Fsync = false });
        Accounts = new AccountService(Store, Time);
        ProjectFiles = new ProjectFileService(Store, Blobs, NullLogger<ProjectFileService>.Instance);
        ProjectsBucket = new S3ProjectsBucket(Store, ProjectFiles, Store, s3Options);
        Credentials = new S3CredentialService(s3Store, Store, s3Options, Time);
        Buckets = new S3BucketService(s3Store, ProjectsBucket, Time);
        Allocator = new BlobAllocator(Microsoft.Extensions.Options.Options.Create(new UploadOptions()));
        Reclaimer = new BlobReclaimer(Store, Blobs, Composer, Time, NullLogger<BlobReclaimer>.Instance);
        Policy = new AccountPolicy(Microsoft.Extensions.Options.Options.Create(Uploads));
        Objects = new S3ObjectService(s3Store, Store, Store, Policy, Blobs, Allocator, Reclaimer, ProjectsBucket, s3Options, durability, Time);
        Multipart = new S3MultipartService(s3Store, Store, Store, Policy, Composer, Allocator, Reclaimer, Locks, s3Options, durability, Time);
        Sweeper = new AbandonedMultipartSweeper(Multipart, s3Options, Time, NullLogger<AbandonedMultipartSweeper>.Instance);
    }

    public S3Options Options { get; }

    public FakeTimeProvider Time { get; } = TestTime.New();

    public IMetadataStore Store { get; }

    public IBlobStore Blobs { get; }

    public IBlobComposer Composer { get; }

    public InProcessLockProvider Locks { get; } = new();

    public AccountService Accounts { get; }

    public BlobAllocator Allocator { get; }

    /// <summary>The server-wide limits the account policy falls back to (set before the services use them).</summary>
    public UploadOptions Uploads { get; } = new();

    public AccountPolicy Policy { get; }

    public BlobReclaimer Reclaimer { get; }

    public ProjectFileService ProjectFiles { get; }

    public S3ProjectsBucket ProjectsBucket { get; }

    public S3CredentialService Credentials { get; }

    public S3BucketService Buckets { get; }

    public S3ObjectService Objects { get; }

    public S3MultipartService Multipart { get; }

    public AbandonedMultipartSweeper Sweeper { get; }

    public static CancellationToken Ct => CancellationToken.None;

    /// <param name="configure">Adjusts the options before the services are built.</param>
    /// <param name="wrapStore">Puts a decorator (a counting one, say) between the services and the real store.</param>
    /// <summary>Accounts that exist with a known id from the start, for tests that name an account by id.</summary>
    public static readonly IReadOnlyList<string> FixedAccounts = ["acc_1", "acc_2"];

    /// <summary>A fixed account as stored, for tests that need its record (a principal's).</summary>
    public static Account FixedAccount(string id) => new(id, id.Replace('_', '-'), true, null, null, null, null, TestTime.Start);

    public static async Task<S3Harness> CreateAsync(Action<S3Options>? configure = null, Func<IS3Store, IS3Store>? wrapStore = null)
    {
        var options = new S3Options();
        configure?.Invoke(options);
        var root = Path.Combine(Path.GetTempPath(), "stowage-core-tests", "s3-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var harness = new S3Harness(root, options, wrapStore);
        await harness.Store.InitializeAsync(Ct);
        foreach (var id in FixedAccounts)
        {
            await harness.Store.CreateAccountAsync(FixedAccount(id), Ct);
        }

        return harness;
    }

    /// <summary>A bucket of the named account (created with it).</summary>
    public async Task<S3Bucket> BucketAsync(string name = "iguides.plntr.ca", string account = "default")
    {
        var owner = await Accounts.EnsureAsync(account, Ct);
        return (await Buckets.CreateAsync(owner.Id, name, Ct)).ShouldSucceed();
    }

    public Task<S3ObjectRecord> PutAsync(S3Bucket bucket, string key, byte[] content) => PutAsync(bucket, key, content, ObjectWrite.Plain);

    public async Task<S3ObjectRecord> PutAsync(S3Bucket bucket, string key, byte[] content, ObjectWrite write) =>
        (await Objects.PutAsync(bucket, key, new MemoryStream(content), content.Length, write, Ct)).ShouldSucceed();

    /// <summary>The bytes of the blob the object's record names; null when there is no record or no blob.</summary>
    public async Task<byte[]?> ReadBlobAsync(S3Bucket bucket, string key) =>
        await Store.GetObjectAsync(bucket.Name, key, Ct) is { } record ? await BlobBytes.ReadAsync(Blobs, record.Blob, Ct) : null;

    /// <summary>Every file the blob store holds (objects, parts, anything left behind).</summary>
    public IReadOnlyList<string> BlobFiles()
    {
        var root = Path.Combine(_root, "blobs");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)] : [];
    }

    public ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow runner; the OS temp cleaner gets it
        }

        return ValueTask.CompletedTask;
    }
}
