using System.Net.Http.Headers;
using Stowage.Bench.Cli;
using Stowage.Bench.Clients;
using Stowage.Bench.Data;
using Stowage.Bench.Http;
using Stowage.Bench.Servers;

namespace Stowage.Bench.Peers;

/// <summary>
/// Stowage as a separate process through its command line: "keys create" for a bearer key,
/// then "serve" on loopback, with fsync on or off and the Sessions API's rate limits off.
/// </summary>
/// <remarks>
/// The S3 scenario starts its own instance (<paramref name="instance"/> keeps its data apart) with extra
/// settings, and drives the same data directory's "s3 buckets/credentials create" through <see cref="RunCliAsync"/>.
/// </remarks>
/// <remarks>
/// <paramref name="build"/> chooses the Stowage command (default: the build under test); a baseline build's
/// peer has a key and name of its own ("…@baseline"), so the report can pair it with the head's.
/// </remarks>
internal sealed class StowagePeer(BenchOptions options, PidRegistry pids, bool fsync, string instance = "", IReadOnlyDictionary<string, string>? extraEnvironment = null, StowageBuild? build = null) : IPeer
{
    private readonly StowageBuild build = build ?? options.HeadBuild;

    // The first "keys create" may build Stowage (the launcher builds on first use).
    private static readonly TimeSpan FirstCommandTimeout = TimeSpan.FromMinutes(8);
    // The launcher rebuilds whenever a source changed, so "serve" may build too.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(8);

    private readonly string root = Path.Combine(options.WorkDir, (fsync ? "stowage-fsync-on" : "stowage-fsync-off") + (build?.DirectorySuffix ?? "") + instance);
    private readonly int port = FreePort.Next();
    private readonly int s3Port = FreePort.Next();
    private ServerProcess? server;
    private HttpClient? http;
    private SessionsClient? client;
    private string? secret;

    public string Key => (fsync ? "stowage-fsync-on" : "stowage-fsync-off") + build.KeySuffix;

    public string Name => (fsync ? "Stowage (fsync on)" : "Stowage (fsync off)") + build.NameSuffix;

    public StowageBuild Build => build;

    /// <summary>Where this server keeps everything (data dir, log); the swarm removes it after its run.</summary>
    public string Root => root;

    public string CeilingKey => "sink-sessions";

    public IUploadClient Client => client ?? throw new InvalidOperationException("not started");

    /// <summary>The S3 listener ("--s3-urls"), path-style.</summary>
    public Uri S3BaseAddress => new($"http://127.0.0.1:{s3Port}/");

    public string DataDir => Path.Combine(root, "data");

    /// <summary>The server's pid once started (setsid and the launcher exec, so it is dotnet's).</summary>
    public int? ServerPid => server?.Pid;

    /// <summary>The Sessions API's base address once started.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    /// <summary>The bearer secret of the key made at start.</summary>
    public string Secret => secret ?? throw new InvalidOperationException("not started");

    /// <summary>Runs "stowage ARGS" with the server's environment (e.g. "s3 buckets create --data DIR").</summary>
    public Task<CommandResult> RunCliAsync(IReadOnlyList<string> arguments, CancellationToken ct) =>
        CommandRunner.RunAsync(CommandLine.Parse(build.Command).With([.. arguments]), ServerEnvironment(), FirstCommandTimeout, ct);

    public async Task StartAsync(CancellationToken ct)
    {
        var stowage = CommandLine.Parse(build.Command);
        if (!stowage.Exists())
        {
            throw new PeerUnavailableException(build.IsBaseline
                ? $"baseline Stowage command '{stowage.FileName}' not found (run.sh --baseline REV builds it)"
                : $"Stowage command '{stowage.FileName}' not found; pass --stowage CMD (run.sh: STOWAGE=CMD) once the CLI exists");
        }

        var data = Directory.CreateDirectory(DataDir).FullName;
        var environment = ServerEnvironment();

        secret = await CreateKeyAsync(stowage, data, environment, ct);
        server = ServerProcess.Start(
            stowage.With("serve", "--data", data, "--urls", $"http://127.0.0.1:{port}", "--s3-urls", $"http://127.0.0.1:{s3Port}"),
            environment,
            Path.Combine(root, "server.log"),
            pids);
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            await server.WaitReadyAsync(ReadinessProbe.Get(new Uri(baseUri, "healthz")), ReadyTimeout, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            throw new PeerUnavailableException($"'stowage serve' did not become ready: {e.Message}");
        }

        http = BenchHttp.Create(baseUri, options.Parallel);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        client = new SessionsClient(http, options.ChunkSize);
    }

    public async Task VerifyBigAsync(UploadedFile uploaded, TestData data, CancellationToken ct)
    {
        // Stowage keeps bytes in a hashed blob layout, so the check is the protocol's own answer.
        var slash = uploaded.Locator.IndexOf('/', StringComparison.Ordinal);
        var progress = await Sessions.GetProgressAsync(uploaded.Locator[..slash], uploaded.Locator[(slash + 1)..], ct);
        if (!progress.Complete || progress.Received != data.Big.Length || progress.Total != data.Big.Length)
        {
            throw new UploadMismatchException($"GET {uploaded.Locator}: {progress}, expected {data.Big.Length} bytes complete");
        }
    }

    public async Task VerifySmallAsync(ISmallBatch batch, TestData data, CancellationToken ct)
    {
        var listing = await Sessions.ListAsync(batch.Locator, ct);
        var complete = listing.Files.Count(f => f.Complete && f.Received == f.Total);
        var bytes = listing.Files.Sum(f => f.Received);
        if (listing.Files.Count != data.Small.Count || complete != data.Small.Count || bytes != data.SmallTotalBytes)
        {
            throw new UploadMismatchException($"session {batch.Locator} lists {listing.Files.Count} files ({complete} complete, {bytes} bytes); expected {data.Small.Count} complete, {data.SmallTotalBytes} bytes");
        }
    }

    public async Task CleanAsync(CancellationToken ct)
    {
        if (client is null)
        {
            return;
        }

        foreach (var id in client.TakeSessions())
        {
            await client.DeleteSessionAsync(id, ct);
        }
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

    private SessionsClient Sessions => client ?? throw new InvalidOperationException("not started");

    private async Task<string> CreateKeyAsync(CommandLine stowage, string data, Dictionary<string, string> environment, CancellationToken ct)
    {
        var create = stowage.With("keys", "create", "--data", data, "--name", "bench", "--scope", "projects:write", "--scope", "projects:read", "--json");
        CommandResult result;
        try
        {
            result = await CommandRunner.RunAsync(create, environment, FirstCommandTimeout, ct);
        }
        catch (TimeoutException e)
        {
            throw new PeerUnavailableException(e.Message);
        }

        if (result.ExitCode != 0)
        {
            throw new PeerUnavailableException($"'{create}' exited with {result.ExitCode}: {Tail(result.StandardError + result.StandardOutput)}");
        }

        return KeyJson.Secret(result.StandardOutput)
            ?? throw new PeerUnavailableException($"'{create}' printed no {{\"secret\": \"sk_...\"}} JSON: {Tail(result.StandardOutput)}");
    }

    private Dictionary<string, string> ServerEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["Stowage__Durability__Fsync"] = fsync ? "true" : "false",
            ["Stowage__RateLimits__Enabled"] = "false",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string Tail(string text) => text.Length > 800 ? "…" + text[^800..] : text.Trim();
}
