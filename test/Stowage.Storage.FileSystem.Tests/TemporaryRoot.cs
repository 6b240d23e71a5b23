namespace Stowage.Storage.FileSystem.Tests;

/// <summary>
/// A fresh directory per test, removed afterwards. The store's root sits two levels below it, so a path
/// that escaped the root (a key's <c>../</c>) would show up as a stray entry in <see cref="Outer"/>.
/// </summary>
internal sealed class TemporaryRoot : IDisposable
{
    public TemporaryRoot()
    {
        Outer = Path.Join(Path.GetTempPath(), "stowage-fs-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Join(Outer, "data", "blobs");
        Directory.CreateDirectory(Outer);
    }

    public string Outer { get; }

    public string Root { get; }

    public FileSystemBlobStore CreateStore(TimeProvider? time = null) =>
        new(new FileSystemBlobStoreOptions { RootPath = Root }, time ?? TimeProvider.System);

    public void Dispose()
    {
        if (Directory.Exists(Outer))
        {
            Directory.Delete(Outer, recursive: true);
        }
    }
}
