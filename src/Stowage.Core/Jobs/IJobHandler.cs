namespace Stowage.Core.Jobs;

/// <summary>Runs the jobs of one <see cref="Kind"/>. Handlers must be idempotent: a job may run again after a crash.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the work. Throwing, or returning a retry, schedules another attempt with backoff.</summary>
    Task<JobOutcome> RunAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>Called once when the job has failed for good, so the handler can record why.</summary>
    Task OnGaveUpAsync(JobRecord job, string error, CancellationToken cancellationToken);
}
