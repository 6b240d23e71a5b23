using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Durability;

/// <summary>A server of its own for one crash test, with a key; everything is removed on dispose.</summary>
public sealed class CrashServer : IAsyncDisposable
{
    private readonly TempDirectory _data = new("crash");
    private SessionsClient? _client;

    private CrashServer(IEnumerable<string> configuration)
    {
        // Short leases: a restarted server claims the killed run's jobs once their leases lapse, as another
        // instance would; nothing releases them at start-up.
        Server = new ServerProcess(_data.Path, [.. ServerFixture.BaseConfiguration, "--Stowage:RateLimits:Enabled=false", "--Stowage:Jobs:LeaseSeconds=3", .. configuration]);
    }

    public ServerProcess Server { get; }

    public SessionsClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public string DataDirectory => _data.Path;

    public static async Task<CrashServer> StartAsync(params string[] configuration)
    {
        var crash = new CrashServer(configuration);
        try
        {
            await crash.Server.StartAsync();
            var key = await new StowageCli(crash.DataDirectory).CreateKeyAsync("default", Scope.Write, Scope.Read);
            crash._client = new SessionsClient(crash.Server.ApiBase, key.Secret);
            return crash;
        }
        catch
        {
            await crash.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, then start again on the same port and data directory.</summary>
    public async Task CrashAndRestartAsync()
    {
        Server.Kill();
        await Server.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
