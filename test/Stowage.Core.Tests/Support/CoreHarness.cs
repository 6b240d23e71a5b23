using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Accounts;
using Stowage.Core.Errors;
using Stowage.Core.Jobs;
using Stowage.Core.Locks;
using Stowage.Core.Processing;
using Stowage.Core.Projects;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;
using Stowage.Core.Metadata;
using Stowage.Processing.Archives;

namespace Stowage.Core.Tests.Support;

/// <summary>
/// The core's services wired as the server wires them, over the real backends <see cref="TestBackend.Current"/>
/// names (SQLite and the file system by default) in a temporary directory, with a manual clock. One per test; disposing removes everything.
/// </summary>
internal sealed class CoreHarness : IAsyncDisposable
{
    private readonly string _root;

    private CoreHarness(string root, HarnessSettings settings)
    {
        _root = root;
        Settings = settings;
        Store = TestBackend.Current.CreateMetadataStore(root, settings.Durability.Fsync);
        (Blobs, Composer) = TestBackend.Current.CreateBlobStore(root);
        var uploads = Options.Create(settings.Uploads);
        var processing = Options.Create(settings.Processing);
        var durability = Options.Create(settings.Durability);
        Accounts = new AccountService(Store, Time);
        Keys = new ApiKeyService(Store, Accounts, Time);
        SessionBlobs = new ScriptedBlobStore(Blobs);
        Uploads = new UploadSessionService(Store, SessionBlobs, Locks, uploads, durability, Time, NullLogger<UploadSessionService>.Instance);
        Projects = new ProjectService(Store, Store, Fetcher, uploads, processing, Time, NullLogger<ProjectService>.Instance);
        Processor = ProcessorOver(Store);
        Runner = new JobRunner(Store, [Processor, .. settings.ExtraHandlers], Options.Create(settings.Jobs), Time, NullLogger<JobRunner>.Instance);
        Sweeper = new ExpiredSessionSweeper(Store, Uploads, Time, NullLogger<ExpiredSessionSweeper>.Instance);
    }

    public HarnessSettings Settings { get; }

    /// <summary>A project processor like <see cref="Processor"/>, over another project store (a hooked one, say).</summary>
    public ProjectProcessor ProcessorOver(IProjectStore projects) =>
        new(projects, Store, Store, Blobs, Fetcher, [new ZipArchiveFormat()], Options.Create(Settings.Uploads), Options.Create(Settings.Processing),
            Options.Create(Settings.Durability), Time, NullLogger<ProjectProcessor>.Instance);

    public FakeTimeProvider Time { get; } = TestTime.New();

    public IMetadataStore Store { get; }

    public IBlobStore Blobs { get; }

    public IBlobComposer Composer { get; }

    /// <summary>The blob store as the upload sessions see it: the same store, with failures to script (the harness's own reads bypass it).</summary>
    public ScriptedBlobStore SessionBlobs { get; }

    public InProcessLockProvider Locks { get; } = new();

    public StubRemoteFetcher Fetcher { get; } = new();

    public AccountService Accounts { get; }

    public ApiKeyService Keys { get; }

    public UploadSessionService Uploads { get; }

    public ProjectService Projects { get; }

    public ProjectProcessor Processor { get; }

    public JobRunner Runner { get; }

    public ExpiredSessionSweeper Sweeper { get; }

    public static CancellationToken Ct => CancellationToken.None;

    public static async Task<CoreHarness> CreateAsync(Action<HarnessSettings>? configure = null)
    {
        var settings = new HarnessSettings();
        configure?.Invoke(settings);
        var root = Path.Combine(Path.GetTempPath(), "stowage-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var harness = new CoreHarness(root, settings);
        await harness.Store.InitializeAsync(Ct);
        return harness;
    }

    /// <summary>A caller as the front door sees one: a real key of the account, authenticated by its secret.</summary>
    public async Task<Principal> CallerAsync(string account = AccountService.DefaultAccountName, IReadOnlyList<string>? scopes = null, Func<Account, Account>? configure = null)
    {
        if (configure is not null)
        {
            await Accounts.UpdateAsync(account, configure, Ct);
        }

        var key = await Keys.CreateAsync(account, "test key", scopes ?? Scopes.Default, Ct);
        var caller = await Keys.AuthenticateAsync(key.Secret, Ct);
        return caller.Value ?? throw new InvalidOperationException("A new key did not authenticate.");
    }

    public async Task<string> NewSessionAsync(Principal caller) => (await Uploads.CreateAsync(caller, Ct)).ShouldSucceed().UploadId;

    /// <summary>A whole-file PUT with Content-Length.</summary>
    public Task<Result<FileProgress>> PutAsync(Principal caller, string uploadId, string name, byte[] content) =>
        Uploads.WriteAsync(caller, uploadId, name, UploadBody.FromStream(new MemoryStream(content), content.Length, null), Ct);

    /// <summary>A chunk PUT: <paramref name="content"/> at <paramref name="start"/> of a file of <paramref name="total"/> bytes, with Content-Length.</summary>
    public Task<Result<FileProgress>> PutChunkAsync(Principal caller, string uploadId, string name, byte[] content, long start, long total) =>
        Uploads.WriteAsync(caller, uploadId, name, UploadBody.FromStream(new MemoryStream(content), content.Length, new ChunkRange(start, start + content.Length - 1, total)), Ct);

    /// <summary>A session holding the given complete files.</summary>
    public async Task<string> CompleteSessionAsync(Principal caller, params (string Name, byte[] Content)[] files)
    {
        var uploadId = await NewSessionAsync(caller);
        foreach (var (name, content) in files)
        {
            (await PutAsync(caller, uploadId, name, content)).ShouldSucceed().Complete.ShouldBeTrue();
        }

        return uploadId;
    }

    /// <summary>A session of complete files turned into a project; returns the project's name.</summary>
    public async Task<string> CreateProjectAsync(Principal caller, params (string Name, byte[] Content)[] files)
    {
        var uploadId = await CompleteSessionAsync(caller, files);
        var created = await Projects.CreateAsync(caller, new CreateProjectRequest(uploadId, null, null, null, null), Ct);
        return created.ShouldSucceed().Name;
    }

    public ObjectRef SessionObject(string uploadId, string name) => new(Settings.Uploads.Bucket, ObjectKeys.SessionFile(uploadId, name));

    public ObjectRef ExtractedObject(string project, string path) => new(Settings.Uploads.Bucket, ObjectKeys.ExtractedFile(project, path));

    /// <summary>The object's bytes, or null when it does not exist.</summary>
    public Task<byte[]?> ReadObjectAsync(ObjectRef obj) => BlobBytes.ReadAsync(Blobs, obj, Ct);

    /// <summary>
    /// The bytes an incomplete file holds so far: its uncomposed segments, as the backend keeps them (the file system: one
    /// file); null when there are none. Only the counted prefix is meaningful.
    /// </summary>
    public Task<byte[]?> ReadSegmentsAsync(ObjectRef obj) => TestBackend.Current.ReadSegmentsAsync(Blobs, obj);

    public ValueTask DisposeAsync()
    {
        Runner.Dispose();
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
