namespace Stowage.Core.Common;

/// <summary>The loop of a background sweep: run, wait, run again until stopped; a failed run is reported and retried after the same wait.</summary>
internal static class PeriodicSweep
{
    public static async Task RunAsync(Func<CancellationToken, Task> sweepOnce, TimeSpan interval, TimeProvider time, Action<Exception> failed, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await sweepOnce(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed(ex);
            }

            try
            {
                await Task.Delay(interval, time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
