using System.Diagnostics;
using System.Text;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// Runs one external S3 client (awscli, a Python or node script, s3cmd, rclone) to completion with a
/// time limit, in the environment <see cref="ClientEnvironment"/> builds: the machine's own AWS and
/// proxy settings are removed, not just overridden, because a variable that is merely present changes
/// what these clients do (rclone refuses AWS_CA_BUNDLE outright).
/// </summary>
public static class ClientRun
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, ClientEnvironment environment, TimeSpan timeout)
    {
        var info = ProcessRunner.StartInfo(fileName, arguments);
        environment.ApplyTo(info);
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'{fileName} {string.Join(' ', info.ArgumentList)}' ran longer than {timeout}.\n{Snapshot(output)}\n{Snapshot(error)}");
        }

        await process.WaitForExitAsync(); // drains the asynchronous readers
        return new ProcessResult(process.ExitCode, Snapshot(output), Snapshot(error));
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString();
        }
    }
}
