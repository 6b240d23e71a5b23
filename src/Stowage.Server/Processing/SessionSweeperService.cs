using Microsoft.Extensions.Options;
using Stowage.Core.Uploads;

namespace Stowage.Server.Processing;

/// <summary>Deletes expired upload sessions every SweepIntervalSeconds.</summary>
internal sealed class SessionSweeperService(ExpiredSessionSweeper sweeper, IOptions<UploadOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        sweeper.RunAsync(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), stoppingToken);
}
