using Stowage.Core.Storage;

namespace Stowage.Core.Tests.Support;

/// <summary>
/// A blob store that passes everything through, except that its deletes fail while <see cref="FailDeletes"/>
/// is set (a full disk, a store that is down), and <see cref="BeforeOpenWriter"/> runs before a writer opens
/// (to make something happen at that exact point, e.g. a concurrent DELETE).
/// </summary>
internal sealed class ScriptedBlobStore(IBlobStore inner) : IBlobStore
{
    public bool FailDeletes { get; set; }

    public int FailedDeletes { get; private set; }

    public Func<ObjectRef, Task>? BeforeOpenWriter { get; set; }

    public async ValueTask<IBlobWriter> OpenWriterAsync(ObjectRef obj, long offset, CancellationToken cancellationToken)
    {
        if (BeforeOpenWriter is { } hook)
        {
            await hook(obj);
        }

        return await inner.OpenWriterAsync(obj, offset, cancellationToken);
    }

    public Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken) => inner.PutAsync(obj, content, durable, cancellationToken);

    public Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken) => inner.OpenReadAsync(obj, offset, cancellationToken);

    public Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken) => inner.GetLengthAsync(obj, cancellationToken);

    public Task<bool> MoveAsync(ObjectRef from, ObjectRef to, bool durable, CancellationToken cancellationToken) => inner.MoveAsync(from, to, durable, cancellationToken);

    public Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        if (FailDeletes)
        {
            FailedDeletes++;
            throw new IOException($"injected: deleting {obj} failed");
        }

        return inner.DeleteAsync(obj, cancellationToken);
    }
}
