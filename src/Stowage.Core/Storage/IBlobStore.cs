namespace Stowage.Core.Storage;

/// <summary>
/// Where bytes live. Stores are simple and dumb: the core validates offsets, sizes and names before
/// it calls them (docs/ARCHITECTURE.md, "Stores"). Keys are opaque strings; a store maps them to its
/// own layout safely, whatever characters they hold.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Opens a writer at <paramref name="offset"/> of the object, creating an empty object first if
    /// it does not exist. Writing below the current length overwrites in place; the core never asks
    /// for an offset beyond the current length.
    /// </summary>
    ValueTask<IBlobWriter> OpenWriterAsync(ObjectRef obj, long offset, CancellationToken cancellationToken);

    /// <summary>Writes a whole object atomically: readers see the old object or the new one, never a part.</summary>
    Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading from <paramref name="offset"/>; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken);

    /// <summary>The object's length, or null when it does not exist.</summary>
    Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken);

    /// <summary>
    /// Renames an object without copying its bytes where the backend can (a file rename, a server-side
    /// copy). Replaces <paramref name="to"/> if present. Returns false when <paramref name="from"/> does not exist.
    /// Moving an object onto itself keeps it and returns true.
    /// </summary>
    Task<bool> MoveAsync(ObjectRef from, ObjectRef to, bool durable, CancellationToken cancellationToken);

    /// <summary>Deletes the object; returns false when it did not exist (deleting is idempotent).</summary>
    Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken);
}
