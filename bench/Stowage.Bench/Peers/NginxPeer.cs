using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Http;
using Stowage.Bench.Running;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Peers;

/// <summary>
/// nginx with its dav module taking a plain PUT to disk: the practical ceiling of an HTTP
/// upload on this machine (no protocol, no metadata, no fsync). When <paramref name="chunked"/>,
/// the big file arrives as the Sessions client sends it, one PUT per chunk, one after the other:
/// the cost of stop-and-wait chunking itself, on the cheapest server there is here.
/// </summary>
internal sealed class NginxPeer(BenchOptions options, PidRegistry pids, bool chunked) : IPeer
{
    private readonly string root = Path.Combine(options.WorkDir, chunked ? "nginx-chunked" : "nginx");
    private readonly int port = FreePort.Next();
    private ServerProcess? server;
    private HttpClient? http;
    private IUploadClient? client;

    public string Key => chunked ? "nginx-chunked" : "nginx";

    public string Name => chunked ? $"nginx dav ({options.ChunkSize / BenchOptions.MiB} MiB PUTs)" : "nginx dav (PUT)";

    /// <summary>The chunked client's traffic is the Sessions client's, less a header and a JSON answer.</summary>
    public string CeilingKey => chunked ? "sink-sessions" : "sink-put";

    /// <summary>Its small files would be the plain nginx row again: one PUT per file.</summary>
    public IReadOnlyList<Scenario> Scenarios => chunked ? [Scenario.Big] : [Scenario.Big, Scenario.Small];

    public IUploadClient Client => client ?? throw new InvalidOperationException("not started");

    private string DavDir => Path.Combine(root, "www", "dav");

    public async Task StartAsync(CancellationToken ct)
    {
        var nginx = CommandLine.Parse(options.Nginx);
        if (!nginx.Exists())
        {
            throw new PeerUnavailableException($"{options.Nginx} not found (run.sh installs Debian's nginx-core)");
        }

        Directory.CreateDirectory(DavDir);
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        var config = Path.Combine(root, "nginx.conf");
        await File.WriteAllTextAsync(config, NginxConfig.Render(root, port), ct);

        // -e: the error log before the config is read must not go to /var/log/nginx.
        server = ServerProcess.Start(
            nginx.With("-p", root, "-c", config, "-e", Path.Combine(root, "error.log")),
            new Dictionary<string, string>(),
            Path.Combine(root, "stdout.log"),
            pids);
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        await server.WaitReadyAsync(ReadinessProbe.Get(new Uri(baseUri, "healthz")), TimeSpan.FromSeconds(20), ct);
        http = BenchHttp.Create(baseUri, options.Parallel);
        client = chunked ? new ChunkedPutClient(http, "dav/", options.ChunkSize) : new PutClient(http, "dav/");
    }

    public Task VerifyBigAsync(UploadedFile uploaded, TestData data, CancellationToken ct)
    {
        var stored = Path.Combine(root, "www", Uri.UnescapeDataString(uploaded.Locator));
        return chunked
            ? FileHash.VerifyChunksAsync(stored, data.Big, data.BigSha256, ct)
            : FileHash.VerifyAsync(stored, data.Big, data.BigSha256, ct);
    }

    public Task VerifySmallAsync(ISmallBatch batch, TestData data, CancellationToken ct)
    {
        StoredFiles.VerifyCount(Path.Combine(root, "www", batch.Locator), data.Small, _ => true);
        return Task.CompletedTask;
    }

    public Task CleanAsync(CancellationToken ct)
    {
        // tmp/ is left alone: nginx created its temp dirs at start and needs them.
        StoredFiles.Empty(DavDir);
        return Task.CompletedTask;
    }

    public ProcessMemory? PeakMemory() => server?.PeakMemory(port);

    public int? ServerPid => server?.Pid;

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
