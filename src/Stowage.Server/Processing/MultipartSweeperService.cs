using Stowage.Core.S3;

namespace Stowage.Server.Processing;

/// <summary>Aborts abandoned S3 multipart uploads every Stowage:S3:MultipartSweepIntervalSeconds.</summary>
internal sealed class MultipartSweeperService(AbandonedMultipartSweeper sweeper) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sweeper.RunAsync(stoppingToken);
}
