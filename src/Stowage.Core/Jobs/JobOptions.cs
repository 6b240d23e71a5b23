namespace Stowage.Core.Jobs;

/// <summary>Bound from "Stowage:Jobs".</summary>
public sealed class JobOptions
{
    public const string Section = "Stowage:Jobs";

    /// <summary>
    /// Workers in this process, each running one job at a time. 4: a project job mostly waits on a download link or the
    /// disk, so one slow job must not hold the only worker, yet few enough that hashing and unpacking on a small
    /// machine leave cores for uploads. 0 runs no jobs in this process.
    /// </summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// Jobs of one account that may run at once, across every process sharing the queue. 2, half the default
    /// workers: an account with many (or slow) projects still gets parallelism, and the other workers stay free
    /// for other accounts, so no account can starve another's processing.
    /// </summary>
    public int MaxRunningPerAccount { get; set; } = 2;

    /// <summary>A claim lasts this long and is renewed at a third of it while the job runs.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>Attempts before a job is given up (the project then shows failed with the last error).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Backoff before retry n is BackoffSeconds * 2^(n-1), capped at BackoffMaxSeconds.</summary>
    public double BackoffSeconds { get; set; } = 2;

    public double BackoffMaxSeconds { get; set; } = 300;

    /// <summary>How long an idle worker sleeps between polls when nothing wakes it sooner.</summary>
    public int PollMilliseconds { get; set; } = 1_000;

    public IEnumerable<string> Validate()
    {
        if (Workers < 0 || LeaseSeconds < 3 || MaxAttempts < 1 || BackoffSeconds < 0 || PollMilliseconds < 10)
        {
            yield return "Jobs: Workers >= 0, LeaseSeconds >= 3, MaxAttempts >= 1, BackoffSeconds >= 0, PollMilliseconds >= 10.";
        }

        if (MaxRunningPerAccount < 1)
        {
            yield return "MaxRunningPerAccount must be at least 1.";
        }
    }
}
