using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Python;

/// <summary>
/// Runs python/stowage_client.py (seed 004's resume-safe client, on <c>requests</c>) as a child process:
/// follows its JSON event lines on stderr, can SIGKILL it, and reads its JSON result from stdout.
/// </summary>
public sealed class PythonClient : IDisposable
{
    private readonly Process _process;
    private readonly List<JsonElement> _events = [];
    private readonly OutputLog _stderr = new(200);
    private readonly StringBuilder _stdout = new();

    private PythonClient(Process process)
    {
        _process = process;
    }

    public static PythonClient Start(Uri apiBase, ApiKey key, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // API_UPLOAD_ID is cleared unless the test resumes a session on purpose.
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["API_UPLOAD_ID"] = string.Empty,
            ["NO_PROXY"] = "127.0.0.1,localhost",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        env["API_KEY"] = key.Secret;
        var info = ProcessRunner.StartInfo(TestPython.Interpreter, [RepoPaths.PythonClient, "--base", apiBase.ToString().TrimEnd('/'), .. arguments], env);
        var client = new PythonClient(new Process { StartInfo = info });
        client._process.OutputDataReceived += (_, e) => client.OnStdout(e.Data);
        client._process.ErrorDataReceived += (_, e) => client.OnStderr(e.Data);
        client._process.Start();
        client._process.BeginOutputReadLine();
        client._process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Everything the client printed on stderr lately (events and tracebacks).</summary>
    public string Log => _stderr.ToString();

    /// <summary>Waits for an event line (e.g. <c>{"event": "progress", …}</c>) that matches.</summary>
    public async Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        try
        {
            return await Poll.UntilAsync<object>(() =>
            {
                lock (_events)
                {
                    var found = _events.FirstOrDefault(e => e.GetProperty("event").GetString() == name && match(e));
                    return Task.FromResult<object?>(found.ValueKind == JsonValueKind.Undefined ? null : found);
                }
            }, timeout, $"the Python client's '{name}' event", intervalMilliseconds: 10) is JsonElement element ? element : default;
        }
        catch (ShouldAssertException ex)
        {
            throw new ShouldAssertException($"{ex.Message}\n{Log}", ex);
        }
    }

    public IReadOnlyList<JsonElement> Events(string name)
    {
        lock (_events)
        {
            return _events.Where(e => e.GetProperty("event").GetString() == name).ToList();
        }
    }

    /// <summary>SIGKILL: the client dies mid-upload, like a laptop lid closing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>Waits for the client to end; returns its exit code and the JSON it printed.</summary>
    public async Task<(int ExitCode, ApiResponse Result)> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new ShouldAssertException($"The Python client ran longer than {timeout}.\n{Log}");
        }

        await _process.WaitForExitAsync();
        string stdout;
        lock (_stdout)
        {
            stdout = _stdout.ToString();
        }

        var result = ApiResponse.FromText(stdout);
        result.Json.ValueKind.ShouldBe(JsonValueKind.Object, $"The client printed no JSON result (exit {_process.ExitCode}):\n{stdout}\n{Log}");
        return (_process.ExitCode, result);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }
    }

    private void OnStderr(string? line)
    {
        _stderr.Add(line);
        if (line is null || !line.StartsWith('{'))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            lock (_events)
            {
                _events.Add(document.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
            // not an event line
        }
    }
}
