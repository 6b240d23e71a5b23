using Stowage.Core.Storage;

namespace Stowage.Conformance.Blobs;

/// <summary>
/// The behaviour every <see cref="IBlobStore"/> backend must show, as written in the XML docs of
/// IBlobStore and IBlobSegmentWriter. A backend's test project derives from this class and supplies a fresh,
/// empty store per test. Split by member into partial files; helpers in BlobStoreConformance.Helpers.cs.
/// </summary>
public abstract partial class BlobStoreConformance
{
    private IBlobStore? store;

    /// <summary>The store under test, created on first use so a derived constructor can prepare it.</summary>
    protected IBlobStore Store => store ??= CreateStore();

    /// <summary>A new, empty store of the backend.</summary>
    protected abstract IBlobStore CreateStore();
}
