using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Core.Capacity;
using Stowage.Core.Common;

namespace Stowage.Core.Jobs;

/// <summary>
/// Claims due jobs from the durable queue and runs them with their handler, renewing the lease while
/// they run. Failures are retried with exponential backoff; after the last attempt the handler is told
/// and the job is failed for good. Hosted by the server; no ASP.NET here.
/// While the storage is full (<paramref name="capacity"/>, docs/operations.md "A full disk") no job is
/// claimed: every job writes, and a claim counts an attempt, so waiting for room costs a job at most the
/// one attempt that found the disk full, rather than all of them within half a minute of backoff.
/// </summary>
public sealed class JobRunner(IJobQueue queue, IEnumerable<IJobHandler> handlers, IOptions<JobOptions> options, TimeProvider time, ILogger<JobRunner> logger, StorageCapacity? capacity = null) : IDisposable
{
    private readonly JobOptions _options = options.Value;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    /// <summary>This process's identity as a lease owner.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{RandomIds.Base62(6)}";

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.LeaseSeconds);

    /// <summary>Tells idle workers to look for work now rather than at their next poll.</summary>
    public void Wake() => _wake.Release();

    /// <summary>One worker: runs until <paramref name="stopping"/> fires.</summary>
    public async Task RunWorkerAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stopping).ConfigureAwait(false))
                {
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(_options.PollMilliseconds), stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.WorkerLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Claims and runs one due job; false when none was due, or none may run because the storage is full.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stopping)
    {
        if (capacity?.AcceptsWrites() == false)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var job = await queue.ClaimAsync(Owner, now, now + Lease, _options.MaxRunningPerAccount, stopping).ConfigureAwait(false);
        if (job is null)
        {
            return false;
        }

        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            await queue.FailAsync(job.Id, Owner, $"No handler for job kind '{job.Kind}'.", time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        if (job.Attempts > _options.MaxAttempts)
        {
            // Claimed again after its worker died on the last attempt.
            await GiveUpAsync(job, handler, job.LastError ?? "The job's worker stopped on every attempt.").ConfigureAwait(false);
            return true;
        }

        var outcome = await RunLeasedAsync(job, handler, stopping).ConfigureAwait(false);
        if (outcome is null)
        {
            return true; // stopping or lease lost: the job stays claimed and is picked up again
        }

        await SettleAsync(job, handler, outcome).ConfigureAwait(false);

        // A job its account's cap held back may be claimable now; idle workers need not wait for their next poll.
        Wake();
        return true;
    }

    private async Task<JobOutcome?> RunLeasedAsync(JobRecord job, IJobHandler handler, CancellationToken stopping)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewal = RenewWhileRunningAsync(job, running);
        try
        {
            return await handler.RunAsync(job, running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            if (capacity?.IsStorageFull(ex) == true)
            {
                capacity.ReportFull();
            }

            return JobOutcome.Retry(ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task RenewWhileRunningAsync(JobRecord job, CancellationTokenSource running)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, time, running.Token).ConfigureAwait(false);
                if (!await queue.RenewAsync(job.Id, Owner, time.GetUtcNow() + Lease, CancellationToken.None).ConfigureAwait(false))
                {
                    Log.LeaseLost(logger, job.Id);
                    await running.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the job finished (or we are stopping)
        }
    }

    private async Task SettleAsync(JobRecord job, IJobHandler handler, JobOutcome outcome)
    {
        var now = time.GetUtcNow();
        switch (outcome.Kind)
        {
            case JobOutcomeKind.Done:
                await queue.CompleteAsync(job.Id, Owner, now, CancellationToken.None).ConfigureAwait(false);
                break;
            case JobOutcomeKind.Retry when job.Attempts < _options.MaxAttempts:
                var runAfter = now + Backoff(job.Attempts);
                Log.JobRetrying(logger, job.Id, job.Kind, job.Attempts, runAfter, outcome.Error ?? "?");
                await queue.RetryAsync(job.Id, Owner, runAfter, outcome.Error ?? "unknown error", now, CancellationToken.None).ConfigureAwait(false);
                break;
            default:
                await GiveUpAsync(job, handler, outcome.Error ?? "unknown error").ConfigureAwait(false);
                break;
        }
    }

    private async Task GiveUpAsync(JobRecord job, IJobHandler handler, string error)
    {
        Log.JobGaveUp(logger, job.Id, job.Kind, job.Attempts, error);
        await handler.OnGaveUpAsync(job, error, CancellationToken.None).ConfigureAwait(false);
        await queue.FailAsync(job.Id, Owner, error, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose() => _wake.Dispose();

    /// <summary>BackoffSeconds * 2^(attempt-1), capped: 2 s, 4 s, 8 s … by default.</summary>
    internal TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(_options.BackoffMaxSeconds, _options.BackoffSeconds * Math.Pow(2, Math.Max(0, attempt - 1))));
}
