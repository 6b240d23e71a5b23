namespace Stowage.Core.Jobs;

/// <summary>Bound from "Stowage:Jobs".</summary>
public sealed class JobOptions
{
    public const string Section = "Stowage:Jobs";

    /// <summary>Workers in this process. 1 by default: the machine has few cores and uploads come first.</summary>
    public int Workers { get; set; } = 1;

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
    }
}
