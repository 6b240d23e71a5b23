using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Stowage.Bench.Cli;
using Stowage.Bench.Peers;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Swarm;

/// <summary>
/// Stowage (either build) serving the Sessions API to the swarm, in a data directory of its own, with
/// Durability:Fsync as --swarm-fsync says and the per-key rate limits off (a thousand clients share one key).
/// </summary>
internal sealed class StowageSwarmServer(BenchOptions options, PidRegistry pids, StowageBuild build) : ISwarmServer
{
    // Processing a 4 MiB file is a rename and a hash; this bounds a stuck job, not a slow one.
    private static readonly TimeSpan ProjectTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly StowagePeer peer = new(options, pids, options.SwarmFsync, instance: "-swarm", build: build);
    private HttpClient? http;

    public string Name => peer.Name;

    public string Key => "stowage" + build.KeySuffix;

    public Uri BaseAddress => peer.BaseAddress;

    public ISwarmProtocol Protocol(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", peer.Secret);
        http = client;
        return new SessionsSwarmProtocol(client, options.SwarmChunkBytes, SwarmBench.BlockSize);
    }

    public string Describe() => SessionsSwarmProtocol.Description(options.SwarmChunkBytes);

    public int? ServerPid => peer.ServerPid;

    public Task StartAsync(CancellationToken ct) => peer.StartAsync(ct);

    public ProcessMemory? PeakMemory() => peer.PeakMemory();

    /// <summary>
    /// Stowage keeps bytes in its own blob layout, so the check goes through the API: each sampled session
    /// becomes a project (POST /api/v1/projects), whose processing hashes the file; the SHA-256 and size it
    /// reports (GET /api/v1/projects/{name} at status 100) must be the source window's. Every completed
    /// upload's size was already confirmed by its last PUT's answer (received = total, complete).
    /// </summary>
    public async Task<SwarmVerification> VerifyAsync(IReadOnlyList<SwarmUpload> completed, IReadOnlyList<SwarmUpload> sample, SwarmSource source, CancellationToken ct)
    {
        // The run's client: its key, its connections (the run is over, so they are idle and few are needed).
        var client = http ?? throw new InvalidOperationException("not started");
        var failures = new List<string>();
        foreach (var upload in sample)
        {
            try
            {
                var file = await ProjectFileAsync(client, upload, ct);
                var expected = Convert.ToHexStringLower(source.Sha256(upload.Number));
                if (file.Size != source.FileBytes || !string.Equals(file.Sha256, expected, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{upload.Name}: project reports {file.Size} bytes, SHA-256 {file.Sha256}; expected {source.FileBytes}, {expected}");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or JsonException or TimeoutException)
            {
                failures.Add($"{upload.Name}: {e.Message}");
            }
        }

        return new SwarmVerification("SHA-256 reported by project processing (POST /api/v1/projects)", sample.Count, failures);
    }

    public async ValueTask DisposeAsync()
    {
        await peer.DisposeAsync();
        SwarmBench.RemoveDirectory(peer.Root);
    }

    private static async Task<(long Size, string? Sha256)> ProjectFileAsync(HttpClient client, SwarmUpload upload, CancellationToken ct)
    {
        using var created = await client.PostAsJsonAsync("api/v1/projects", new Dictionary<string, string> { ["upload_id"] = upload.Locator }, ct);
        var body = await created.Content.ReadAsStringAsync(ct);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/v1/projects: HTTP {(int)created.StatusCode} {body}");
        }

        using var answer = JsonDocument.Parse(body);
        var name = answer.RootElement.GetProperty("name").GetString()
            ?? throw new InvalidOperationException("POST /api/v1/projects: no name");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < ProjectTimeout)
        {
            using var response = await client.GetAsync($"api/v1/projects/{Uri.EscapeDataString(name)}", ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET /api/v1/projects/{name}: HTTP {(int)response.StatusCode} {text}");
            }

            using var doc = JsonDocument.Parse(text);
            var status = doc.RootElement.GetProperty("status").GetInt32();
            if (status == 100)
            {
                var files = doc.RootElement.GetProperty("files");
                if (files.GetArrayLength() != 1)
                {
                    throw new InvalidOperationException($"project {name} lists {files.GetArrayLength()} files, expected 1");
                }

                var file = files[0];
                return (file.GetProperty("size").GetInt64(), file.GetProperty("sha256").GetString());
            }

            if (status < 0)
            {
                throw new InvalidOperationException($"project {name} failed: {text}");
            }

            await Task.Delay(PollInterval, ct);
        }

        throw new TimeoutException($"project {name} not processed within {ProjectTimeout.TotalSeconds:F0} s");
    }
}
