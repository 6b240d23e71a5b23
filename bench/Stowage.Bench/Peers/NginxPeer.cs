using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Http;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Peers;

/// <summary>
/// nginx with its dav module taking a plain PUT to disk: the practical ceiling of an HTTP
/// upload on this machine (no protocol, no metadata, no fsync).
/// </summary>
internal sealed class NginxPeer(BenchOptions options, PidRegistry pids) : IPeer
{
    private readonly string root = Path.Combine(options.WorkDir, "nginx");
    private readonly int port = FreePort.Next();
    private ServerProcess? server;
    private HttpClient? http;
    private PutClient? client;

    public string Key => "nginx";

    public string Name => "nginx dav (PUT)";

    public string CeilingKey => "sink-put";

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
        client = new PutClient(http, "dav/");
    }

    public Task VerifyBigAsync(UploadedFile uploaded, TestData data, CancellationToken ct) =>
        FileHash.VerifyAsync(Path.Combine(root, "www", Uri.UnescapeDataString(uploaded.Locator)), data.Big, data.BigSha256, ct);

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

    public async ValueTask DisposeAsync()
    {
        http?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
