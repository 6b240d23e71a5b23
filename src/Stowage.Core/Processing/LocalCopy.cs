using Stowage.Core.Storage;

namespace Stowage.Core.Processing;

/// <summary>
/// A local file path for an object: the object's own file when the store has one
/// (<see cref="ILocalBlobAccess"/>), otherwise a temporary copy removed on dispose. Native archive
/// readers need a seekable file.
/// </summary>
internal sealed class LocalCopy : IAsyncDisposable
{
    private readonly bool _temporary;

    private LocalCopy(string path, bool temporary)
    {
        Path = path;
        _temporary = temporary;
    }

    public string Path { get; }

    public static async Task<LocalCopy> OpenAsync(IBlobStore blobs, ObjectRef obj, CancellationToken cancellationToken)
    {
        if (blobs is ILocalBlobAccess local && local.GetLocalPath(obj) is { } path)
        {
            return new LocalCopy(path, temporary: false);
        }

        var source = await blobs.OpenReadAsync(obj, 0, cancellationToken).ConfigureAwait(false)
            ?? throw new ProcessingException("file_missing", "The archive's bytes are missing from storage.", obj.Key);
        var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stowage-" + Guid.NewGuid().ToString("N"));
        await using (source)
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await source.CopyToAsync(target, 1 << 20, cancellationToken).ConfigureAwait(false);
        }

        return new LocalCopy(temp, temporary: true);
    }

    public ValueTask DisposeAsync()
    {
        if (_temporary)
        {
            File.Delete(Path);
        }

        return ValueTask.CompletedTask;
    }
}
