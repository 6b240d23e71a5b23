using System.Diagnostics;

namespace Stowage.Bench.Servers;

/// <summary>
/// Flushes dirty pages before each measurement: a peer that does not fsync leaves
/// gigabytes for the kernel to write back, and that writeback must not land in the
/// next peer's timing.
/// </summary>
internal static class DiskSync
{
    public static async Task RunAsync(CancellationToken ct)
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start sync");
        await sync.WaitForExitAsync(ct);
    }
}
