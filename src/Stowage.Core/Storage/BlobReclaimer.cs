using Microsoft.Extensions.Logging;
using Stowage.Core.Capacity;
using Stowage.Core.Common;

namespace Stowage.Core.Storage;

/// <summary>
/// Deletes the blobs on the reclaim list (<see cref="IBlobReclaimStore"/>): right away when a write replaced or
/// deleted an object, and in a periodic sweep for whatever that missed (a crash, a failing store) and for
/// writes that died before their record was made. Bytes go first, the row last, so a failure leaves the row
/// for the next sweep. A sweep that deleted something tells <paramref name="capacity"/>, so writes refused on a
/// full disk resume at once.
/// </summary>
public sealed class BlobReclaimer(IBlobReclaimStore store, IBlobStore blobs, IBlobComposer composer, TimeProvider time, ILogger<BlobReclaimer> logger, StorageCapacity? capacity = null)
{
    /// <summary>
    /// How long a write may take before its blob counts as abandoned. A day: longer than any upload of one
    /// object at a few MB/s up to the 5 TB S3 allows would be needed only for a dead client, whose bytes
    /// are then what the sweep should remove.
    /// </summary>
    public static readonly TimeSpan PendingGrace = TimeSpan.FromDays(1);

    private const int Batch = 100;

    /// <summary>Lists a blob about to be written, so a write that dies before its record is cleaned up.</summary>
    public Task ListPendingAsync(ObjectRef blob, CancellationToken cancellationToken) =>
        store.AddBlobReclaimAsync(new BlobReclaim(blob, null, time.GetUtcNow() + PendingGrace), cancellationToken);

    /// <summary>
    /// Deletes a blob whose object is gone (already on the list, due now) and takes it off the list. A failure
    /// is logged, not thrown: the row stays, and the sweep retries.
    /// </summary>
    public async Task ReclaimNowAsync(ObjectRef blob, string? uploadId = null)
    {
        try
        {
            await DeleteAsync(new BlobReclaim(blob, uploadId, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.BlobReclaimDeferred(logger, blob.ToString(), ex);
        }
    }

    /// <summary>Deletes every due blob now; returns how many went.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var due = await store.ListDueBlobReclaimsAsync(time.GetUtcNow(), Batch, cancellationToken).ConfigureAwait(false);
            var removed = 0;
            foreach (var reclaim in due)
            {
                try
                {
                    await DeleteAsync(reclaim, cancellationToken).ConfigureAwait(false);
                    removed++;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Log.BlobReclaimDeferred(logger, reclaim.Blob.ToString(), ex);
                }
            }

            total += removed;
            if (due.Count < Batch || removed == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.ReclaimedBlobs(logger, total);
            capacity?.SpaceFreed();
        }

        return total;
    }

    public Task RunAsync(TimeSpan interval, CancellationToken stopping) =>
        PeriodicSweep.RunAsync(SweepOnceAsync, interval, time, ex => Log.BlobReclaimSweepFailed(logger, ex), stopping);

    private async Task DeleteAsync(BlobReclaim reclaim, CancellationToken cancellationToken)
    {
        if (reclaim.UploadId is not null)
        {
            await composer.AbortAsync(reclaim.Blob, reclaim.UploadId, cancellationToken).ConfigureAwait(false);
        }

        await blobs.DeleteAsync(reclaim.Blob, cancellationToken).ConfigureAwait(false);
        await store.RemoveBlobReclaimAsync(reclaim.Blob, cancellationToken).ConfigureAwait(false);
    }
}
