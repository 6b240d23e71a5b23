using Stowage.Conformance.Metadata;
using Stowage.Core.Metadata;

namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>The metadata conformance suite against a fresh SQLite file per test, durable as in production.</summary>
public sealed class SqliteMetadataStoreConformanceTests : MetadataStoreConformance, IDisposable
{
    private readonly TempDatabase database = new();
    private SqliteMetadataStore? store;

    protected override Task<IMetadataStore> CreateStoreAsync()
    {
        store = database.NewStore();
        return Task.FromResult<IMetadataStore>(store);
    }

    public void Dispose()
    {
        store?.Dispose();
        database.Dispose();
    }
}
