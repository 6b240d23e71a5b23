using System.Globalization;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Capacity;

/// <summary>
/// A real server whose data directory is on a 24 MiB tmpfs of its own, with a 2 MiB storage reserve
/// (docs/operations.md, "A full disk"), and a key of the default account. Disposing stops the server, then
/// unmounts the disk.
/// </summary>
public sealed class FullDiskServer : IAsyncDisposable
{
    public const int DiskMegabytes = 24;
    public const long ReserveBytes = 2 << 20;

    private readonly TmpfsMount _disk;
    private readonly List<IDisposable> _owned = [];

    private FullDiskServer(TmpfsMount disk, ServerProcess server)
    {
        _disk = disk;
        Server = server;
    }

    public TmpfsMount Disk => _disk;

    public ServerProcess Server { get; }

    public string DataDirectory => Server.DataDirectory;

    public string ReservePath => Path.Combine(DataDirectory, ".space-reserve");

    /// <summary>Mounts the disk and starts the server on it; <paramref name="beforeStart"/> runs CLI commands on the new data directory first.</summary>
    public static async Task<FullDiskServer> StartAsync(string purpose, Func<string, Task>? beforeStart = null)
    {
        var disk = await TmpfsMount.MountAsync(purpose, DiskMegabytes);
        ServerProcess? server = null;
        try
        {
            var data = Path.Combine(disk.Path, "data");
            Directory.CreateDirectory(data);
            if (beforeStart is not null)
            {
                await beforeStart(data);
            }

            server = new ServerProcess(data,
            [
                .. ServerFixture.BaseConfiguration,
                "--Stowage:RateLimits:Enabled=false",
                $"--Stowage:Capacity:ReserveBytes={ReserveBytes.ToString(CultureInfo.InvariantCulture)}",
            ]);
            await server.StartAsync();
            return new FullDiskServer(disk, server);
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            await disk.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client with a new key of the default account (made by the CLI: do it while the disk has room).</summary>
    public async Task<SessionsClient> NewClientAsync()
    {
        var key = await new StowageCli(DataDirectory).CreateKeyAsync("default", Scope.Write, Scope.Read);
        var client = new SessionsClient(Server.ApiBase, key.Secret);
        _owned.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        try
        {
            await Server.DisposeAsync();
        }
        finally
        {
            await _disk.DisposeAsync();
        }
    }
}
