namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// One server shared by a test class (xUnit class fixture) with a key of the default account that has
/// both scopes. Rate limits are off and the lock wait is short, so tests are neither throttled nor slow;
/// subclasses change the configuration where a test class needs another one.
/// </summary>
public class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly List<SessionsClient> _clients = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<ApiKey>>> _sharedKeys = new(StringComparer.Ordinal);
    private TempDirectory? _data;
    private ServerProcess? _server;
    private SessionsClient? _client;
    private ApiKey? _key;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public string DataDirectory => Server.DataDirectory;

    public StowageCli Cli => new(DataDirectory);

    /// <summary>A key of the default account with projects:write and projects:read.</summary>
    public ApiKey Key => _key ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A client authenticated with <see cref="Key"/>.</summary>
    public SessionsClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Common settings for every test server: quiet logs, short waits, fast retries.</summary>
    public static IEnumerable<string> BaseConfiguration =>
    [
        "--Logging:LogLevel:Default=Warning",
        "--Stowage:Uploads:LockWaitMilliseconds=200",
        "--Stowage:Jobs:BackoffSeconds=0.2",
        "--Stowage:Jobs:PollMilliseconds=100",
    ];

    protected virtual IEnumerable<string> Configuration => ["--Stowage:RateLimits:Enabled=false"];

    public async Task InitializeAsync()
    {
        _data = new TempDirectory(GetType().Name.ToLowerInvariant());
        _server = new ServerProcess(_data.Path, [.. BaseConfiguration, .. Configuration]);
        await _server.StartAsync();
        _key = await Cli.CreateKeyAsync("default", Scope.Write, Scope.Read);
        _client = ClientFor(_key);
    }

    /// <summary>A key of <paramref name="account"/> (created if missing) with the given scopes.</summary>
    public Task<ApiKey> CreateKeyAsync(string account, params string[] scopes) =>
        Cli.CreateKeyAsync(account, scopes.Length == 0 ? [Scope.Write, Scope.Read] : scopes);

    /// <summary>
    /// A key of the default account with exactly <paramref name="scopes"/>, made once per fixture and
    /// shared by the class's tests (each CLI run costs about a second).
    /// </summary>
    public Task<ApiKey> SharedKeyAsync(params string[] scopes) =>
        _sharedKeys.GetOrAdd(string.Join(' ', scopes), _ => new Lazy<Task<ApiKey>>(() => CreateKeyAsync("default", scopes))).Value;

    /// <summary>A client sending <paramref name="key"/>'s secret (null: no Authorization header); disposed with the fixture.</summary>
    public SessionsClient ClientFor(ApiKey? key) => ClientWithSecret(key?.Secret);

    public SessionsClient ClientWithSecret(string? secret)
    {
        var client = new SessionsClient(Server.ApiBase, secret);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>A fresh account with its own key and client, so account settings changed by one test touch no other.</summary>
    public async Task<(ApiKey Key, SessionsClient Client)> NewAccountAsync(string prefix)
    {
        var key = await CreateKeyAsync($"{prefix}-{Guid.NewGuid():N}"[..24]);
        return (key, ClientFor(key));
    }

    public async Task DisposeAsync()
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _data?.Dispose();
    }

    /// <summary>A last resort if asynchronous disposal was skipped: the process must not outlive the tests.</summary>
    public void Dispose()
    {
        _server?.Kill();
        _data?.Dispose();
        GC.SuppressFinalize(this);
    }
}
