using System.Buffers;

namespace Stowage.Core.Storage;

/// <summary>
/// Writes one segment of an object being uploaded piece by piece (<see cref="IBlobStore.OpenSegmentAsync"/>),
/// sequentially, then keeps it with <see cref="CommitAsync"/>. Disposing without a commit keeps nothing: those
/// bytes are never part of the object (a store may leave them until the next segment at that offset, a compose
/// or an abort discards them).
/// <para>
/// A segment can be any length, from one byte (a client on a bad link) to the whole object (a whole-file PUT), and
/// is written at the pace the client sends. A store whose native parts have a minimum size (S3: 5 MiB but the
/// last) or a maximum count (10,000) therefore does not map segments to parts one to one: it may buffer a segment
/// (in memory, in a local file), keep small committed segments as temporary objects of their own and merge them
/// into a part once enough has been confirmed, or cut a long segment into several parts while it streams.
/// </para>
/// </summary>
public interface IBlobSegmentWriter : IAsyncDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Writes buffers that are not contiguous in memory (a transport's receive buffers), in order. A
    /// store that can write them in one call (a vectored write) should; this default writes them one by one.
    /// The buffers are the caller's again when this returns: a store that buffers copies them.
    /// </summary>
    async ValueTask WriteAsync(ReadOnlySequence<byte> data, CancellationToken cancellationToken)
    {
        foreach (var segment in data)
        {
            await WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps everything written as the segment, and, when <paramref name="durable"/>, puts it on stable storage
    /// before it returns (fsync). Only bytes committed durably may be counted as received. Called once, after the
    /// last write; a segment of no bytes is allowed (it changes nothing but discards what lay past its offset).
    /// <para>
    /// The segment that ends the object (it reaches the object length it was opened with) is the one exception a
    /// store may take: the caller composes it before counting any of it, so its durability may be left to a durable
    /// <see cref="IBlobStore.ComposeSegmentsAsync"/>, which can then make the bytes and the object durable at once.
    /// </para>
    /// </summary>
    ValueTask CommitAsync(bool durable, CancellationToken cancellationToken);
}
