using Stowage.Core.Storage;

namespace Stowage.Core.Tests.Support;

/// <summary>
/// A blob store that passes everything through, except that its deletes and aborts fail while
/// <see cref="FailDeletes"/> is set (a full disk, a store that is down), <see cref="BeforeWrite"/> runs before a
/// segment or a whole object is opened for writing, and <see cref="BeforeCompose"/> before segments are composed
/// (to make something happen at that exact point, e.g. a concurrent DELETE).
/// </summary>
internal sealed class ScriptedBlobStore(IBlobStore inner) : IBlobStore
{
    public bool FailDeletes { get; set; }

    public int FailedDeletes { get; private set; }

    public Func<ObjectRef, Task>? BeforeWrite { get; set; }

    public Func<ObjectRef, Task>? BeforeCompose { get; set; }

    public async ValueTask<IBlobSegmentWriter> OpenSegmentAsync(ObjectRef target, long offset, long objectLength, CancellationToken cancellationToken)
    {
        await RunAsync(BeforeWrite, target);
        return await inner.OpenSegmentAsync(target, offset, objectLength, cancellationToken);
    }

    public async Task ComposeSegmentsAsync(ObjectRef target, long length, bool durable, CancellationToken cancellationToken)
    {
        await RunAsync(BeforeCompose, target);
        await inner.ComposeSegmentsAsync(target, length, durable, cancellationToken);
    }

    public Task AbortSegmentsAsync(ObjectRef target, CancellationToken cancellationToken)
    {
        FailIfAsked(target);
        return inner.AbortSegmentsAsync(target, cancellationToken);
    }

    public async Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken)
    {
        await RunAsync(BeforeWrite, obj);
        await inner.PutAsync(obj, content, durable, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken) => inner.OpenReadAsync(obj, offset, cancellationToken);

    public Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken) => inner.GetLengthAsync(obj, cancellationToken);

    public Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken)
    {
        FailIfAsked(obj);
        return inner.DeleteAsync(obj, cancellationToken);
    }

    /// <summary>Runs the hook if one is set; a hook that calls the store again clears itself first.</summary>
    private static async Task RunAsync(Func<ObjectRef, Task>? hook, ObjectRef obj)
    {
        if (hook is not null)
        {
            await hook(obj);
        }
    }

    private void FailIfAsked(ObjectRef obj)
    {
        if (FailDeletes)
        {
            FailedDeletes++;
            throw new IOException($"injected: deleting {obj} failed");
        }
    }
}
