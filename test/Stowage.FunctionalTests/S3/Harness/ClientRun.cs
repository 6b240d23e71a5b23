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
    public static Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, ClientEnvironment environment, TimeSpan timeout)
    {
        var info = ProcessRunner.StartInfo(fileName, arguments);
        environment.ApplyTo(info);
        return ProcessRunner.RunAsync(info, timeout);
    }
}
