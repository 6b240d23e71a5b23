using Stowage.Core.Metadata;
using Stowage.Core.Storage;
using Stowage.Metadata.Sqlite;
using Stowage.Storage.FileSystem;

namespace Stowage.Core.Tests.Support;

/// <summary>
/// The backends the core's tests run over, through one harness: every test builds its stores from
/// <see cref="Current"/>, which <c>STOWAGE_TEST_BACKEND</c> names (default <c>embedded</c>: SQLite and the file
/// system). <c>test.sh</c> runs the core's tests once per backend it lists, so a backend added here (PostgreSQL,
/// an S3 object store) is held to every core rule, as the conformance suites hold it to the store contracts.
/// </summary>
internal abstract class TestBackend
{
    public const string Variable = "STOWAGE_TEST_BACKEND";

    public static IReadOnlyList<TestBackend> All { get; } = [new Embedded()];

    public static TestBackend Current { get; } = Select(Environment.GetEnvironmentVariable(Variable));

    public abstract string Name { get; }

    /// <summary>A new, empty metadata store for one test (not yet initialized); <paramref name="root"/> is the test's own directory.</summary>
    public abstract IMetadataStore CreateMetadataStore(string root, bool durable);

    /// <summary>A new, empty blob store for one test, with its multipart ability.</summary>
    public abstract (IBlobStore Store, IBlobComposer Composer) CreateBlobStore(string root);

    /// <summary>
    /// The bytes an incomplete object's uncomposed segments hold so far, as this backend keeps them (tests of what a
    /// cut-short chunk left); null when there are none.
    /// </summary>
    public abstract Task<byte[]?> ReadSegmentsAsync(IBlobStore store, ObjectRef obj);

    public override string ToString() => Name;

    private static TestBackend Select(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return All[0];
        }

        return All.FirstOrDefault(b => b.Name == name)
            ?? throw new InvalidOperationException($"{Variable}={name} is no test backend; known: {string.Join(", ", All)}.");
    }

    private sealed class Embedded : TestBackend
    {
        public override string Name => "embedded";

        public override IMetadataStore CreateMetadataStore(string root, bool durable) =>
            new SqliteMetadataStore(new SqliteMetadataOptions { DatabasePath = Path.Combine(root, "metadata.db"), Durable = durable });

        public override (IBlobStore Store, IBlobComposer Composer) CreateBlobStore(string root)
        {
            var store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { RootPath = Path.Combine(root, "blobs") });
            return (store, store);
        }

        public override async Task<byte[]?> ReadSegmentsAsync(IBlobStore store, ObjectRef obj) =>
            ((FileSystemBlobStore)store).GetLocalSegmentsPath(obj) is { } path ? await File.ReadAllBytesAsync(path) : null;
    }
}
