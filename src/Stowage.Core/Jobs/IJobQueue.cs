namespace Stowage.Core.Jobs;

/// <summary>
/// A durable job queue in the metadata store. Claims are leases, so a worker that dies loses its jobs
/// to another worker (or to itself after a restart) once the lease lapses; several processes may
/// share one queue.
/// </summary>
public interface IJobQueue
{
    Task EnqueueAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims the oldest job that is Queued with RunAfter at or before <paramref name="now"/>,
    /// or Running with a lease that lapsed before <paramref name="now"/>, and whose account has fewer than
    /// <paramref name="maxRunningPerAccount"/> jobs Running under a lease that has not lapsed (a job without an
    /// account is never held back): sets it Running, owned by <paramref name="owner"/> until
    /// <paramref name="leaseUntil"/>, and adds one to its attempts. A job held back by its account's cap does not
    /// hold back younger jobs of other accounts. Returns the claimed job as updated, or null when none is due.
    /// </summary>
    Task<JobRecord?> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxRunningPerAccount, CancellationToken cancellationToken);

    /// <summary>Claims like the overload above with no per-account cap.</summary>
    Task<JobRecord?> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        ClaimAsync(owner, now, leaseUntil, int.MaxValue, cancellationToken);

    /// <summary>Extends the lease; false when the job is no longer Running under this owner.</summary>
    Task<bool> RenewAsync(string jobId, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks the job Succeeded, if still owned by <paramref name="owner"/>.</summary>
    Task<bool> CompleteAsync(string jobId, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts the job back to Queued, to run at or after <paramref name="runAfter"/>, recording the error.</summary>
    Task<bool> RetryAsync(string jobId, string owner, DateTimeOffset runAfter, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the job Failed for good, recording the error.</summary>
    Task<bool> FailAsync(string jobId, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken);

    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken);
}
