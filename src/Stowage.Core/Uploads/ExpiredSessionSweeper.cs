using Microsoft.Extensions.Logging;

namespace Stowage.Core.Uploads;

/// <summary>
/// Seed 004: "Abandoned sessions are deleted after expires_in_seconds". Deletes expired sessions with
/// their bytes; a session that became a project only loses its row (its files are the project's).
/// </summary>
public sealed class ExpiredSessionSweeper(IUploadStore store, UploadSessionService sessions, TimeProvider time, ILogger<ExpiredSessionSweeper> logger)
{
    private const int Batch = 100;

    /// <summary>Sweeps everything expired now; returns how many sessions went.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var expired = await store.ListExpiredSessionsAsync(time.GetUtcNow(), Batch, cancellationToken).ConfigureAwait(false);
            foreach (var session in expired)
            {
                await sessions.DiscardAsync(session, cancellationToken).ConfigureAwait(false);
            }

            total += expired.Count;
            if (expired.Count < Batch)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.SweptSessions(logger, total);
        }

        return total;
    }

    /// <summary>Sweeps every <paramref name="interval"/> until stopped; a failed sweep is logged and retried next time.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stopping).ConfigureAwait(false);
                await Task.Delay(interval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SweepFailed(logger, ex);
                await Task.Delay(interval, time, stopping).ConfigureAwait(false);
            }
        }
    }
}
