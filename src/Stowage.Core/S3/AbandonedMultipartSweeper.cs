using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Core.Capacity;
using Stowage.Core.Common;

namespace Stowage.Core.S3;

/// <summary>
/// Aborts multipart uploads that nobody completed or aborted within <see cref="S3Options.AbandonedMultipartUploadSeconds"/>
/// of their initiation, parts and all: what an S3 bucket's AbortIncompleteMultipartUpload lifecycle rule does.
/// Without it every interrupted `aws s3 cp` or SDK transfer would keep its parts on disk for ever. A sweep that
/// aborted something tells <paramref name="capacity"/>, so writes refused on a full disk resume at once.
/// </summary>
public sealed class AbandonedMultipartSweeper(S3MultipartService multipart, IOptions<S3Options> options, TimeProvider time, ILogger<AbandonedMultipartSweeper> logger, StorageCapacity? capacity = null)
{
    private const int Batch = 100;

    /// <summary>Aborts every upload old enough now; returns how many went. Off (0) when the option is 0.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var age = options.Value.AbandonedMultipartUploadSeconds;
        if (age == 0)
        {
            return 0;
        }

        var initiatedBy = time.GetUtcNow() - TimeSpan.FromSeconds(age);
        var total = 0;
        while (true)
        {
            var aborted = await multipart.AbortInitiatedByAsync(initiatedBy, Batch, cancellationToken).ConfigureAwait(false);
            total += aborted;

            // Until a batch aborts nothing: then none is left, or the oldest are all busy (they would come
            // first again), and those wait for the next sweep.
            if (aborted == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.AbortedAbandonedUploads(logger, total, age);
            capacity?.SpaceFreed();
        }

        return total;
    }

    public Task RunAsync(CancellationToken stopping) =>
        PeriodicSweep.RunAsync(SweepOnceAsync, TimeSpan.FromSeconds(options.Value.MultipartSweepIntervalSeconds), time, ex => Log.MultipartSweepFailed(logger, ex), stopping);
}
