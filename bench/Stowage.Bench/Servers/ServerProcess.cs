using System.Diagnostics;

namespace Stowage.Bench.Servers;

/// <summary>
/// A peer server started as a child process: output goes to a log file, readiness is
/// polled with a bound, and stopping terminates the whole process tree.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(5);

    private static readonly CommandLine Setsid = new("setsid", []);

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly PidRegistry pids;

    private ServerProcess(Process process, StreamWriter log, string logPath, PidRegistry pids)
    {
        this.process = process;
        this.log = log;
        this.pids = pids;
        LogPath = logPath;
    }

    public int Pid => process.Id;

    public string LogPath { get; }

    public bool HasExited => process.HasExited;

    public static ServerProcess Start(CommandLine command, IReadOnlyDictionary<string, string> environment, string logPath, PidRegistry pids)
    {
        // A session of its own: Ctrl+C in the terminal reaches the harness only, which then
        // reads the servers' peak RSS before it stops them (setsid execs, so the pid is the server's).
        if (Setsid.Exists())
        {
            command = Setsid.With([command.FileName, .. command.Arguments]);
        }

        var info = command.StartInfo(environment);

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {command}");
        }

        pids.Add(process.Id);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, logPath, pids);
    }

    /// <summary>Polls <paramref name="probe"/> until it says ready, the process exits, or the timeout passes.</summary>
    public async Task WaitReadyAsync(Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"exited with code {process.ExitCode} before it was ready; last log lines:\n{LogTail()}");
            }

            if (await probe(ct))
            {
                // Register the descendants too (a launcher that does not exec), for run.sh's trap.
                foreach (var pid in ProcessTree.WithDescendants(process.Id).Skip(1))
                {
                    pids.Add(pid);
                }

                return;
            }

            await Task.Delay(PollInterval, ct);
        }

        throw new TimeoutException($"not ready within {timeout.TotalSeconds:F0} s; last log lines:\n{LogTail()}");
    }

    /// <summary>
    /// Peak RSS of the largest process that holds the socket serving <paramref name="port"/>
    /// (nginx's master and workers all do), else of the largest process in the tree.
    /// </summary>
    public ProcessMemory? PeakMemory(int port)
    {
        if (process.HasExited)
        {
            return null;
        }

        var tree = ProcessTree.WithDescendants(process.Id);
        var listeners = ProcessTree.Listeners(tree, port);
        return (listeners.Count > 0 ? listeners : tree)
            .Select(ProcessTree.Memory)
            .OfType<ProcessMemory>()
            .MaxBy(m => m.PeakRssBytes);
    }

    public string LogTail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM to every process of the tree first, so servers can exit cleanly.
            var tree = ProcessTree.WithDescendants(process.Id);
            foreach (var pid in tree)
            {
                Signal(pid);
            }

            using var grace = new CancellationTokenSource(GracefulStop);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Signal(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false, RedirectStandardError = true });
            kill?.WaitForExit(2000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill(1): the hard kill after the grace period still stops it.
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
