using Microsoft.Extensions.Options;
using Stowage.Core.Storage;
using Stowage.Core.Uploads;

namespace Stowage.Server.Processing;

/// <summary>
/// Deletes the blobs on the reclaim list that the write path did not delete itself (a crash, a failing store, a
/// write abandoned mid-way), every Stowage:Uploads:SweepIntervalSeconds, like the session sweep.
/// </summary>
internal sealed class BlobReclaimService(BlobReclaimer reclaimer, IOptions<UploadOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        reclaimer.RunAsync(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), stoppingToken);
}
