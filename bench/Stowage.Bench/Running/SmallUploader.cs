using Stowage.Bench.Clients;
using Stowage.Bench.Data;

namespace Stowage.Bench.Running;

/// <summary>N workers take the next file from a shared index until all are sent; the first failure stops all.</summary>
internal static class SmallUploader
{
    public static async Task RunAsync(ISmallBatch batch, IReadOnlyList<TestFile> files, int workers, CancellationToken ct)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var next = -1;
        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < files.Count)
            {
                try
                {
                    await batch.UploadAsync(files[index], failed.Token);
                }
                catch
                {
                    await failed.CancelAsync();
                    throw;
                }
            }
        }

        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A worker cancelled by another's failure: report the failure, not the cancellation.
            throw tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) ?? throw new InvalidOperationException("small-file workers were cancelled");
        }
    }
}
