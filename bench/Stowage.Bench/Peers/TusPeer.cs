using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Http;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Peers;

/// <summary>
/// @tus/server with @tus/file-store on Node.js: what users would otherwise deploy.
/// It writes through Node streams and does not fsync.
/// </summary>
/// <remarks><paramref name="instance"/> keeps a second server's files apart (the swarm runs its own).</remarks>
internal sealed class TusPeer(BenchOptions options, PidRegistry pids, string instance = "") : IPeer
{
    private readonly string root = Path.Combine(options.WorkDir, "tus" + instance);
    private readonly int port = FreePort.Next();
    private ServerProcess? server;
    private HttpClient? http;
    private TusClient? client;

    public string Key => "tus";

    public string Name => "@tus/server + file-store";

    public string CeilingKey => "sink-tus";

    public IUploadClient Client => client ?? throw new InvalidOperationException("not started");

    /// <summary>Where @tus/file-store keeps each upload's bytes, as &lt;id&gt; (and its info as &lt;id&gt;.json).</summary>
    public string FilesDir => Path.Combine(root, "files");

    /// <summary>Where this server keeps everything; the swarm removes it after its run.</summary>
    public string Root => root;

    /// <summary>The server's address once started; tus uploads are created at "files".</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    public async Task StartAsync(CancellationToken ct)
    {
        var script = Path.Combine(options.PeersDir, "tus-server.mjs");
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(options.PeersDir, "node_modules", "@tus", "server")))
        {
            throw new PeerUnavailableException($"{script} or its node_modules missing (run.sh installs them)");
        }

        var node = CommandLine.Parse(options.Node);
        if (!node.Exists())
        {
            throw new PeerUnavailableException($"{options.Node} not found");
        }

        Directory.CreateDirectory(FilesDir);
        server = ServerProcess.Start(
            node.With(script, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), FilesDir),
            new Dictionary<string, string> { ["NODE_ENV"] = "production" },
            Path.Combine(root, "server.log"),
            pids);
        var baseUri = new Uri($"http://127.0.0.1:{port}/");

        // Any HTTP answer means it listens; tus has no health endpoint.
        await server.WaitReadyAsync(ReadinessProbe.Get(baseUri, status: null), TimeSpan.FromSeconds(20), ct);
        http = BenchHttp.Create(baseUri, options.Parallel);
        client = new TusClient(http, "files", options.ChunkSize, options.TusSmallMode);
    }

    public Task VerifyBigAsync(UploadedFile uploaded, TestData data, CancellationToken ct)
    {
        // @tus/file-store keeps an upload's bytes in <directory>/<id>, the last segment of its URL.
        var id = new Uri(uploaded.Locator).Segments[^1];
        return FileHash.VerifyAsync(Path.Combine(FilesDir, id), data.Big, data.BigSha256, ct);
    }

    public Task VerifySmallAsync(ISmallBatch batch, TestData data, CancellationToken ct)
    {
        // Each upload is <id> (bytes) plus <id>.json (its info).
        StoredFiles.VerifyCount(FilesDir, data.Small, f => !f.EndsWith(".json", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    public Task CleanAsync(CancellationToken ct)
    {
        StoredFiles.Empty(FilesDir);
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
