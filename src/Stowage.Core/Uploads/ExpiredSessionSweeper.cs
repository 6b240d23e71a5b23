using Microsoft.Extensions.Logging;
using Stowage.Core.Capacity;
using Stowage.Core.Common;

namespace Stowage.Core.Uploads;

/// <summary>
/// Seed 004: "Abandoned sessions are deleted after expires_in_seconds". Deletes expired sessions with
/// their bytes; a session that became a project only loses its row (its files are the project's). A sweep that
/// removed something tells <paramref name="capacity"/>, so writes refused on a full disk resume at once.
/// </summary>
public sealed class ExpiredSessionSweeper(IUploadStore store, UploadSessionService sessions, TimeProvider time, ILogger<ExpiredSessionSweeper> logger, StorageCapacity? capacity = null)
{
    private const int Batch = 100;

    /// <summary>
    /// Sweeps everything expired now; returns how many sessions went. A session that cannot be removed
    /// (its bytes will not delete) is logged and keeps its rows, so the next sweep tries it again; it
    /// does not hold up the others.
    /// </summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var expired = await store.ListExpiredSessionsAsync(time.GetUtcNow(), Batch, cancellationToken).ConfigureAwait(false);
            var removed = 0;
            foreach (var session in expired)
            {
                try
                {
                    await sessions.DiscardAsync(session, cancellationToken).ConfigureAwait(false);
                    removed++;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Log.SessionSweepFailed(logger, session.Id, ex);
                }
            }

            total += removed;

            // A full batch that removed something may have more behind it; the failed ones come first
            // again, so a batch of nothing but failures ends this sweep.
            if (expired.Count < Batch || removed == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.SweptSessions(logger, total);
            capacity?.SpaceFreed();
        }

        return total;
    }

    /// <summary>Sweeps every <paramref name="interval"/> until stopped; a failed sweep is logged and retried next time.</summary>
    public Task RunAsync(TimeSpan interval, CancellationToken stopping) =>
        PeriodicSweep.RunAsync(SweepOnceAsync, interval, time, ex => Log.SweepFailed(logger, ex), stopping);
}
