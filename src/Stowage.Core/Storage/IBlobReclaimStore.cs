namespace Stowage.Core.Storage;

/// <summary>
/// The list of blobs to delete, kept in the metadata store so that no blob is ever left without a row that
/// names it: a write lists its new blob before the first byte (due after <see cref="BlobReclaimer.PendingGrace"/>),
/// and the transaction that records the object takes it off the list and puts the replaced object's blob on it.
/// </summary>
public interface IBlobReclaimStore
{
    /// <summary>Lists the blob; when it is listed already, the earlier due time of the two stays.</summary>
    Task AddBlobReclaimAsync(BlobReclaim reclaim, CancellationToken cancellationToken);

    /// <summary>Entries due at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<BlobReclaim>> ListDueBlobReclaimsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Takes the blob off the list; false when it was not listed.</summary>
    Task<bool> RemoveBlobReclaimAsync(ObjectRef blob, CancellationToken cancellationToken);
}
