using Stowage.Conformance.Blobs;
using Stowage.Core.Storage;

namespace Stowage.Storage.FileSystem.Tests;

public sealed class FileSystemBlobComposerConformanceTests : BlobComposerConformance, IDisposable
{
    private readonly TemporaryRoot root = new();

    protected override IBlobStore CreateStore() => root.CreateStore();

    public void Dispose() => root.Dispose();
}
