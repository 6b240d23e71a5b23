using System.Collections.Concurrent;
using Stowage.Core.Jobs;

namespace Stowage.Core.Tests.Support;

/// <summary>A job handler whose runs all wait for one gate, so a test can see which jobs run at the same time.</summary>
internal sealed class GatedJobHandler(string kind) : IJobHandler
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Kind => kind;

    /// <summary>The jobs whose runs have started, in order.</summary>
    public ConcurrentQueue<JobRecord> Started { get; } = new();

    /// <summary>Lets every waiting run (and every later one) finish as done.</summary>
    public void Open() => _gate.TrySetResult();

    public async Task<JobOutcome> RunAsync(JobRecord job, CancellationToken cancellationToken)
    {
        Started.Enqueue(job);
        await _gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return JobOutcome.Done;
    }

    public Task OnGaveUpAsync(JobRecord job, string error, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A queued job of this handler's kind for <paramref name="accountId"/>, created at <paramref name="created"/>.</summary>
    public JobRecord NewJob(string id, string? accountId, DateTimeOffset created) =>
        new(id, kind, "{}", JobState.Queued, 0, created, created, created, null, null, null, accountId);
}
