using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// One real <c>stowage serve</c> process on 127.0.0.1 over a data directory. It can be stopped
/// gracefully (SIGTERM), killed (SIGKILL, for the crash tests) and started again on the same port and
/// data directory.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly HttpClient Probe = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };

    private readonly IReadOnlyList<string> _configuration;
    private readonly OutputLog _log = new(300);
    private Process? _process;
    private bool _everStarted;

    public ServerProcess(string dataDirectory, IEnumerable<string> configuration)
    {
        DataDirectory = dataDirectory;
        _configuration = [.. configuration];
        Port = FreePort.Next();
        S3Port = FreePort.Next();
    }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    /// <summary>The S3 listener's port (every server has one; tests that pass their own --s3-urls ignore it).</summary>
    public int S3Port { get; private set; }

    public Uri S3Endpoint => new($"http://127.0.0.1:{S3Port.ToString(CultureInfo.InvariantCulture)}");

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The Sessions API's base, ending in a slash so relative paths append.</summary>
    public Uri ApiBase => new(BaseAddress, "api/v1/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server printed lately: attached to failure messages.</summary>
    public string RecentOutput => _log.ToString();

    /// <summary>Starts the process and waits until GET /healthz answers 200.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        // A port picked free can be taken by someone else before the server binds it; only a first
        // start may move to another port (a restart must keep the address clients know).
        for (var attempt = 0; ; attempt++)
        {
            _process?.Dispose();
            _process = Launch();
            if (await WaitReadyAsync(_process))
            {
                _everStarted = true;
                return;
            }

            var bindFailed = RecentOutput.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
            KillProcess();
            if (_everStarted || !bindFailed || attempt == 2)
            {
                throw new InvalidOperationException($"The server did not become ready on port {Port}.\n{RecentOutput}");
            }

            Port = FreePort.Next();
            S3Port = FreePort.Next();
        }
    }

    /// <summary>Graceful stop: SIGTERM, then wait (SIGKILL if it does not end in time).</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        try
        {
            using var kill = Process.Start(ProcessRunner.StartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]));
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            KillProcess();
        }
    }

    /// <summary>SIGKILL: the crash the durability tests simulate; returns once the process is gone.</summary>
    public void Kill() => KillProcess();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            KillProcess();
            _process?.Dispose();
            _process = null;
        }
    }

    private Process Launch()
    {
        string[] arguments =
        [
            RepoPaths.CliDll, "serve", "--data", DataDirectory, "--urls", $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}",
            .. _configuration.Contains("--s3-urls") ? [] : (string[])["--s3-urls", S3Endpoint.ToString().TrimEnd('/')],
            .. _configuration,
        ];
        var process = new Process { StartInfo = ProcessRunner.StartInfo("dotnet", arguments), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => _log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitReadyAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await Probe.GetAsync(new Uri(BaseAddress, "healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // probe timed out: still starting
            }

            await Task.Delay(50);
        }

        return false;
    }

    private void KillProcess()
    {
        if (_process is not { } process)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
    }
}
