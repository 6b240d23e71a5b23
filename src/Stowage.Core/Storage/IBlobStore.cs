namespace Stowage.Core.Storage;

/// <summary>
/// Where bytes live. Stores are simple and dumb: the core validates offsets, sizes and names before
/// it calls them (docs/ARCHITECTURE.md, "Stores"). Keys are opaque strings; a store maps them to its
/// own layout safely, whatever characters they hold.
/// <para>
/// Nothing here writes at an arbitrary offset of an object or renames one, so an object store can meet
/// the contract with its own primitives: a whole object is one PUT (<see cref="PutAsync"/>); an object
/// that arrives piece by piece over a long time (a Sessions API file) is a sequence of
/// <b>segments</b>, each made durable on its own, composed into the object once its last byte is in
/// (<see cref="OpenSegmentAsync"/>, <see cref="ComposeSegmentsAsync"/>, <see cref="AbortSegmentsAsync"/>),
/// which an S3-compatible store carries with its native multipart upload.
/// </para>
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Opens the next segment of <paramref name="target"/>, an object being uploaded piece by piece. What is
    /// written to the returned writer and committed (<see cref="IBlobSegmentWriter.CommitAsync"/>) is the
    /// segment starting at <paramref name="offset"/>; composing the segments makes the object.
    /// <list type="bullet">
    /// <item><paramref name="offset"/> is 0 or the end of a committed segment: the caller's count of the bytes it
    /// holds. It never lies beyond the end of the committed segments.</item>
    /// <item>Opening at <paramref name="offset"/> <b>confirms</b> every segment below it (the caller has recorded
    /// them and will never ask to discard them), so a store may merge them now, e.g. into parts big enough for its
    /// own multipart upload; and it <b>discards</b> whatever is stored from <paramref name="offset"/> on: segments
    /// the caller never counted (it failed or crashed between a commit and its own record) and bytes of a
    /// writer disposed without a commit.</item>
    /// <item>If the segments were composed already, by a <see cref="ComposeSegmentsAsync"/> whose completion the
    /// caller failed to record (a crash right after it), the store continues from the composed object's first
    /// <paramref name="offset"/> bytes, as if they were still its segments.</item>
    /// <item><paramref name="objectLength"/> is the length the object will have when complete (the file's total,
    /// fixed by its first PUT): a store may size its internal parts from it, and tell the segment that ends the
    /// object from the others (a durable commit of that one may leave its flush to the compose that follows).</item>
    /// <item>The caller writes one segment of a target at a time (the Sessions API's per-file lock). Segments are
    /// not an object: until they are composed, reading <paramref name="target"/> finds no object (or the one
    /// composed earlier, see above).</item>
    /// </list>
    /// </summary>
    ValueTask<IBlobSegmentWriter> OpenSegmentAsync(ObjectRef target, long offset, long objectLength, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="target"/> the object holding the first <paramref name="length"/> bytes of its committed
    /// segments, which cover at least that much, and consumes the segments. Readers see no object before and the
    /// whole object after (an object already at <paramref name="target"/> is replaced atomically). When
    /// <paramref name="durable"/>, the object, every byte of it included, is on stable storage before this
    /// returns, so the caller may then record the file as complete.
    /// <para>
    /// Repeating a compose that completed (no segments left, <paramref name="target"/> holds
    /// <paramref name="length"/> bytes) is a no-op, so a caller that failed to record a completion can retry it.
    /// Throws <see cref="FileNotFoundException"/> when there are neither segments nor such an object (they were
    /// aborted meanwhile), leaving nothing behind.
    /// </para>
    /// </summary>
    Task ComposeSegmentsAsync(ObjectRef target, long length, bool durable, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every segment of <paramref name="target"/> that was not composed, committed or not. An object
    /// composed already stays (<see cref="DeleteAsync"/> removes it). Idempotent; a writer still open on a
    /// segment of the target may fail, and nothing it commits afterwards is kept.
    /// </summary>
    Task AbortSegmentsAsync(ObjectRef target, CancellationToken cancellationToken);

    /// <summary>Writes a whole object atomically: readers see the old object or the new one, never a part.</summary>
    Task PutAsync(ObjectRef obj, Stream content, bool durable, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading from <paramref name="offset"/>; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(ObjectRef obj, long offset, CancellationToken cancellationToken);

    /// <summary>The object's length, or null when it does not exist.</summary>
    Task<long?> GetLengthAsync(ObjectRef obj, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object; returns false when it did not exist (deleting is idempotent). Uncomposed segments of
    /// the same target are not the object: <see cref="AbortSegmentsAsync"/> removes those.
    /// </summary>
    Task<bool> DeleteAsync(ObjectRef obj, CancellationToken cancellationToken);
}
