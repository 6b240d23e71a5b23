using System.Diagnostics;

namespace Stowage.Bench.Servers;

/// <summary>Runs a short command (nginx -v, stowage keys create) with a time limit.</summary>
internal static class CommandRunner
{
    public static Task<CommandResult> RunAsync(CommandLine command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(command.StartInfo(environment), command.ToString(), timeout, ct);

    /// <summary>The same for a start info the caller prepared (awscli: variables removed from the environment).</summary>
    public static async Task<CommandResult> RunAsync(ProcessStartInfo info, string command, TimeSpan timeout, CancellationToken ct)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:F0} s");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
