using Stowage.Core.Jobs;

namespace Stowage.Core.Tests.Support;

/// <summary>A job handler whose n-th run (1-based) does what <paramref name="script"/> says, recording every call.</summary>
internal sealed class ScriptedJobHandler(string kind, Func<int, JobOutcome> script) : IJobHandler
{
    public string Kind => kind;

    public List<JobRecord> Runs { get; } = [];

    public List<(JobRecord Job, string Error)> GaveUp { get; } = [];

    public Task<JobOutcome> RunAsync(JobRecord job, CancellationToken cancellationToken)
    {
        Runs.Add(job);
        try
        {
            return Task.FromResult(script(Runs.Count));
        }
        catch (Exception ex)
        {
            return Task.FromException<JobOutcome>(ex);
        }
    }

    public Task OnGaveUpAsync(JobRecord job, string error, CancellationToken cancellationToken)
    {
        GaveUp.Add((job, error));
        return Task.CompletedTask;
    }

    /// <summary>A queued job of this handler's kind, due at <paramref name="now"/>.</summary>
    public JobRecord NewJob(DateTimeOffset now, int attempts = 0, string? lastError = null) =>
        new("job_" + Guid.NewGuid().ToString("N"), kind, "{}", JobState.Queued, attempts, now, now, now, null, null, lastError);
}
