using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stowage.Core.Metadata;
using Stowage.Server.Hosting;

namespace Stowage.Cli.Commands;

/// <summary>
/// The core services over a data directory, without the HTTP server: the CLI's account and key
/// commands work while a server runs on the same directory (SQLite in WAL mode allows it).
/// </summary>
internal static class CliServices
{
    public static async Task<ServiceProvider> OpenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var path = DataDirectory.Resolve(dataDirectory);
        Directory.CreateDirectory(path);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection([new(StowageServices.DataDirectoryKey, path)])
            .Build();
        var provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddStowageCore(configuration)
            .BuildServiceProvider();
        await provider.GetRequiredService<IMetadataStore>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        return provider;
    }
}
