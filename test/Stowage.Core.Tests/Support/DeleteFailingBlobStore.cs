using Stowage.Core.Storage;

namespace Stowage.Core.Tests.Support;

/// <summary>A blob store whose deletes fail while <see cref="Failing"/> is set (a full disk, a store that is down); all else passes through.</summary>
internal sealed class DeleteFailingBlobStore(IBlobStore inner) : IBlobStore
{
    public bool Failing { get; set; } = true;

    public int FailedDeletes { get; private set; }

    public ValueTask<IBlobWriter> OpenWriterAsync(ObjectRef obj, long offset, CancellationToken cancellationToken) => inner.OpenWriterAsync(obj, offset, cancellationToken);

    public Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken) => inner.PutAsync(obj, content, durable, cancellationToken);

    public Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken) => inner.OpenReadAsync(obj, offset, cancellationToken);

    public Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken) => inner.GetLengthAsync(obj, cancellationToken);

    public Task<bool> MoveAsync(ObjectRef from, ObjectRef to, bool durable, CancellationToken cancellationToken) => inner.MoveAsync(from, to, durable, cancellationToken);

    public Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            FailedDeletes++;
            throw new IOException($"injected: deleting {obj} failed");
        }

        return inner.DeleteAsync(obj, cancellationToken);
    }
}
