using Microsoft.Extensions.Options;
using Stowage.Core.Jobs;
using Stowage.Core.Projects;

namespace Stowage.Server.Processing;

/// <summary>Runs the configured number of in-process job workers for the life of the server.</summary>
internal sealed class JobWorkerService(JobRunner runner, ProjectService projects, IOptions<JobOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A project stored by this process wakes the workers instead of waiting for their next poll.
        projects.JobEnqueued += runner.Wake;
        var workers = Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => runner.RunWorkerAsync(stoppingToken), stoppingToken));
        return Task.WhenAll(workers);
    }
}
