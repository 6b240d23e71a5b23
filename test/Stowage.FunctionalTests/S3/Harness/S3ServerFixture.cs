using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// One real server per test class with its S3 endpoint on a loopback port of its own, the two buckets
/// the tests use (one with dots, as the seeds' <c>iguides.plntr.ca</c>, and a plain one), a long-lived
/// account key, and the test files, made once for the class.
/// </summary>
public class S3ServerFixture : IAsyncLifetime, IDisposable
{
    public const string DottedBucket = "iguides.plntr.ca";
    public const string PlainBucket = "stowage-ft-plain";

    /// <summary>What a scoped credential normally lives for: the seeds' 2 h.</summary>
    public static readonly TimeSpan ScopedTtl = TimeSpan.FromHours(2);

    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(30);

    private TempDirectory? _data;
    private ServerProcess? _server;
    private S3Credential? _accountKey;
    private S3Objects? _objects;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The S3 listener's port: ServerProcess picks it (and a new one if binding fails) and passes --s3-urls.</summary>
    public int S3Port => Server.S3Port;

    /// <summary>The S3 endpoint, as clients are given it: <c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string EndpointUrl => $"http://127.0.0.1:{S3Port.ToString(CultureInfo.InvariantCulture)}";

    public Uri Endpoint => new(EndpointUrl + "/");

    public S3AdminCli Cli => new(Server.DataDirectory);

    /// <summary>A long-lived key of the default account, owner of both buckets.</summary>
    public S3Credential AccountKey => _accountKey ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>AWSSDK.S3 with <see cref="AccountKey"/>: how the tests check what a client stored.</summary>
    public S3Objects Objects => _objects ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestFiles Files { get; } = new();

    /// <summary>Settings a subclass adds to the server's command line.</summary>
    protected virtual IEnumerable<string> Configuration => [];

    public virtual async Task InitializeAsync()
    {
        _data = new TempDirectory(GetType().Name.ToLowerInvariant());
        // Buckets first: the server then finds them at start, whether or not it caches the bucket list.
        var cli = new S3AdminCli(_data.Path);
        await cli.CreateBucketAsync(DottedBucket);
        await cli.CreateBucketAsync(PlainBucket);
        _server = new ServerProcess(_data.Path, [.. ServerFixture.BaseConfiguration, "--Stowage:RateLimits:Enabled=false", .. Configuration]);
        await _server.StartAsync();
        await WaitListeningAsync();
        // The operator learns the S3 address from the start-up banner.
        await Poll.UntilAsync(
            () => _server.RecentOutput.Split('\n').Any(l => l.Contains("S3", StringComparison.Ordinal) && l.Contains(EndpointUrl, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            $"the server to print its S3 endpoint {EndpointUrl}");
        _accountKey = await Cli.CreateAccountKeyAsync(Endpoint);
        _objects = new S3Objects(DotNetS3Client.Create(Endpoint, _accountKey));
    }

    /// <summary>A temporary credential allowed to upload only <paramref name="key"/> in <paramref name="bucket"/>.</summary>
    public Task<S3Credential> ScopedCredentialAsync(string bucket, string key, TimeSpan? ttl = null) =>
        Cli.CreateScopedCredentialAsync(Endpoint, bucket, key, ttl ?? ScopedTtl);

    /// <summary>A key no other test uses, shaped like the seeds' (<c>gallery/ig12345/a3K9.jpg</c>).</summary>
    public static string NewKey(string extension = "jpg") =>
        $"gallery/ig{Random.Shared.Next(10_000, 99_999)}/{Guid.NewGuid():N}.{extension}";

    /// <summary>The environment of one external client run with <paramref name="credential"/> and an empty HOME of its own.</summary>
    public ClientEnvironment EnvironmentFor(S3Credential credential) => new(Files.NewFolder("home"), credential);

    public async Task DisposeAsync()
    {
        _objects?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Files.Dispose();
        _data?.Dispose();
    }

    /// <summary>A last resort if asynchronous disposal was skipped: the process must not outlive the tests.</summary>
    public void Dispose()
    {
        _server?.Kill();
        Files.Dispose();
        _data?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The health probe answers on the API port; the S3 listener is a second one, so wait for it too.</summary>
    private async Task WaitListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, S3Port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < ListenTimeout)
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"The S3 endpoint did not listen on {EndpointUrl} within {ListenTimeout}.\n{Server.RecentOutput}", ex);
            }
        }
    }
}
