using Stowage.Core.Metadata;

namespace Stowage.Conformance.Metadata;

/// <summary>
/// The behaviour every <see cref="IMetadataStore"/> backend must show, as written in the XML docs of
/// IAccountStore, IUploadStore, IProjectStore and IJobQueue. A backend's test project derives from this
/// class and supplies a fresh, empty store per test. Split by concern into partial files.
/// </summary>
public abstract partial class MetadataStoreConformance : IAsyncLifetime
{
    private IMetadataStore? store;

    /// <summary>The store under test, initialized and empty.</summary>
    protected IMetadataStore Store => store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A new, empty store of the backend. The suite calls <see cref="IMetadataStore.InitializeAsync"/> itself.</summary>
    protected abstract Task<IMetadataStore> CreateStoreAsync();

    public virtual async Task InitializeAsync()
    {
        store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Initialize_IsHarmless_WhenCalledAgainOnAStoreWithData()
    {
        var account = await AddAccountAsync();

        await Store.InitializeAsync(Ct);

        (await Store.GetAccountAsync(account.Id, Ct)).ShouldBe(account);
    }
}
